/**
 * Reading a stored picture that may be a video, on the page: its size and length, and a poster
 * frame for its thumbnail. A video is read by the browser's own player (a <video> given the
 * bytes), which also proves it plays here; an image is decoded.
 */
import { thumbnailOf, type EncodedThumbnail } from './thumbnail';

export class UnreadableMediaError extends Error {
	constructor(what: 'image' | 'video') {
		super(what === 'video' ? 'the video is damaged or does not play in this browser' : 'the image is damaged or cannot be read');
		this.name = 'UnreadableMediaError';
	}
}

const isVideoType = (type: string) => type.startsWith('video/');

/** A <video> with these bytes loaded up to `until` (its header, or its first frame), muted. */
async function openVideo(blob: Blob, until: 'loadedmetadata' | 'loadeddata'): Promise<{ video: HTMLVideoElement; close(): void }> {
	const video = document.createElement('video');
	video.muted = true;
	video.playsInline = true;
	video.preload = until === 'loadeddata' ? 'auto' : 'metadata';
	const url = URL.createObjectURL(blob);
	const close = () => {
		video.removeAttribute('src');
		video.load();
		URL.revokeObjectURL(url);
	};
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new UnreadableMediaError('video')), 15_000);
			video.addEventListener(until, () => (clearTimeout(timer), resolve()), { once: true });
			video.addEventListener('error', () => (clearTimeout(timer), reject(new UnreadableMediaError('video'))), { once: true });
			video.src = url;
		});
	} catch (e) {
		close();
		throw e;
	}
	return { video, close };
}

/** Pixel size, and for a video how long it plays (ms, where its file says). */
export async function mediaSize(data: Blob | ArrayBuffer, type: string): Promise<{ width: number; height: number; duration?: number }> {
	const blob = data instanceof Blob ? data : new Blob([data], { type });
	if (isVideoType(type)) {
		const { video, close } = await openVideo(blob, 'loadedmetadata');
		try {
			if (!video.videoWidth || !video.videoHeight) throw new UnreadableMediaError('video');
			const s = video.duration;
			return { width: video.videoWidth, height: video.videoHeight, ...(Number.isFinite(s) && s > 0 ? { duration: Math.round(s * 1000) } : {}) };
		} finally {
			close();
		}
	}
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(blob);
	} catch {
		throw new UnreadableMediaError('image');
	}
	const size = { width: bitmap.width, height: bitmap.height };
	bitmap.close();
	return size;
}

/** A video's thumbnail, from its first frame. */
export async function videoThumbnail(blob: Blob): Promise<EncodedThumbnail> {
	const { video, close } = await openVideo(blob, 'loadeddata');
	try {
		return await thumbnailOf(Object.assign(video, { width: video.videoWidth, height: video.videoHeight }));
	} finally {
		close();
	}
}
