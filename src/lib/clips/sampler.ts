/**
 * Camera frames for a moving picture, sampled from the live <video>: frame i is the first frame
 * the camera presents at or after `i * interval` ms from the start, so a GIF's frames are evenly
 * spaced in time and no frame is taken twice. Each is handed on as a VideoFrame (no copy: the
 * clip worker draws it small and closes it), or as an ImageBitmap where VideoFrame is missing.
 */
import { sleep } from '$lib/abort';

export interface SampleOptions {
	count: number;
	/** Ms between frames. */
	interval: number;
	signal: AbortSignal;
	/** Called with each frame, in order; the frame is the callee's to close. */
	onFrame(frame: VideoFrame | ImageBitmap, index: number): void | Promise<void>;
}

type FrameCallbackVideo = HTMLVideoElement & {
	requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number; presentedFrames: number }) => void) => number;
};

/** The camera gave no frame for this long: it stopped (unplugged, taken by another app). */
const NO_FRAME_MS = 3000;

export class CameraStoppedError extends Error {
	constructor() {
		super('The camera stopped sending pictures while recording.');
		this.name = 'CameraStoppedError';
	}
}

/** The next frame the video presents (its metadata), or at once where the browser cannot say. */
function nextPresented(video: FrameCallbackVideo, signal: AbortSignal): Promise<{ presentedFrames: number } | undefined> {
	if (typeof video.requestVideoFrameCallback !== 'function') return Promise.resolve(undefined);
	return new Promise((resolve, reject) => {
		const done = () => {
			signal.removeEventListener('abort', stop);
			clearTimeout(timer);
		};
		const stop = () => (done(), reject(signal.reason));
		const timer = setTimeout(() => (done(), reject(new CameraStoppedError())), NO_FRAME_MS);
		signal.addEventListener('abort', stop, { once: true });
		video.requestVideoFrameCallback!((_now, meta) => {
			done();
			resolve(meta);
		});
	});
}

async function grab(video: HTMLVideoElement, index: number): Promise<VideoFrame | ImageBitmap> {
	if (typeof VideoFrame === 'function') {
		try {
			return new VideoFrame(video, { timestamp: Math.round(video.currentTime * 1e6) + index });
		} catch {
			// A video Chromium cannot wrap (rare): a bitmap of it instead.
		}
	}
	return createImageBitmap(video);
}

/**
 * Takes `count` frames `interval` ms apart. Rejects with AbortError once `signal` aborts (the
 * frames handed on so far are the callee's); resolves with how many were taken.
 */
export async function sampleFrames(video: HTMLVideoElement, opts: SampleOptions): Promise<number> {
	const start = performance.now();
	let lastPresented = -1;
	for (let i = 0; i < opts.count; i++) {
		opts.signal.throwIfAborted();
		const due = start + i * opts.interval - performance.now();
		if (due > 0) await sleep(due, opts.signal);
		// A new frame, never the one taken last (a camera slower than the clip's rate is waited for).
		let meta = await nextPresented(video, opts.signal);
		while (meta && meta.presentedFrames === lastPresented) meta = await nextPresented(video, opts.signal);
		if (meta) lastPresented = meta.presentedFrames;
		await opts.onFrame(await grab(video, i), i);
	}
	return opts.count;
}
