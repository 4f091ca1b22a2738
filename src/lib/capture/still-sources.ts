/**
 * Where a still's pixels come from: ImageCapture.takePhoto() at full resolution, else
 * grabFrame(), else the frame the <video> shows (a claimed snapshot where the browser can take
 * one). The first step that gives a frame wins; what becomes of the frame is pixels/ work.
 */
import type { SourceFrame } from '$lib/pixels/render-still';
import type { PhotoSettingsIn } from './constraints';
import { imageCaptureFor } from './image-capture';
import { CameraLostError, CaptureFailedError } from './errors';
import type { FrameGate } from './frames';

export type StillMethod = 'takePhoto' | 'grabFrame' | 'video';

/** A frame on its way to becoming a still, and which step of the chain gave it. */
export interface Frame extends SourceFrame {
	method: StillMethod;
}

function frameReady(track: MediaStreamTrack, video: HTMLVideoElement): boolean {
	return (
		track.readyState === 'live' &&
		!track.muted &&
		video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA &&
		video.videoWidth > 0 &&
		video.videoHeight > 0
	);
}

/**
 * Resolves once the track is live and unmuted and the video has a decoded frame, so a still is
 * never black or empty. Rejects with CameraLostError if the track ends while waiting.
 */
export function waitForLiveFrame(
	track: MediaStreamTrack,
	video: HTMLVideoElement,
	timeoutMs = 4000,
	signal?: AbortSignal
): Promise<void> {
	if (track.readyState === 'ended') return Promise.reject(new CameraLostError());
	if (frameReady(track, video)) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const started = performance.now();
		let timer = 0;
		const done = (err?: unknown) => {
			clearTimeout(timer);
			track.removeEventListener('unmute', check);
			track.removeEventListener('ended', check);
			video.removeEventListener('loadeddata', check);
			video.removeEventListener('playing', check);
			signal?.removeEventListener('abort', check);
			if (err) reject(err);
			else resolve();
		};
		function check() {
			if (signal?.aborted) return done(signal.reason);
			if (track.readyState === 'ended') return done(new CameraLostError());
			if (frameReady(track, video)) return done();
			if (performance.now() - started > timeoutMs) return done(new CaptureFailedError());
			timer = window.setTimeout(check, 30);
		}
		track.addEventListener('unmute', check);
		track.addEventListener('ended', check);
		video.addEventListener('loadeddata', check);
		video.addEventListener('playing', check);
		signal?.addEventListener('abort', check);
		check();
	});
}

/** A function, not an inline test: TypeScript would narrow readyState across awaits. */
function hasEnded(track: MediaStreamTrack): boolean {
	return track.readyState === 'ended';
}

function bitmapFrame(bitmap: ImageBitmap, method: StillMethod): Frame {
	if (!bitmap.width || !bitmap.height) {
		bitmap.close();
		throw new CaptureFailedError();
	}
	return { source: bitmap, width: bitmap.width, height: bitmap.height, method, release: () => bitmap.close() };
}

export interface SourceOptions {
	track: MediaStreamTrack;
	video: HTMLVideoElement;
	/** takePhoto() settings, already clamped to the camera's photo capabilities. */
	photoSettings: PhotoSettingsIn;
	/** false: take the live frame even where ImageCapture exists (see takePhotoAdds). */
	useTakePhoto: boolean;
	frames: FrameGate;
	signal?: AbortSignal;
}

/**
 * The frame the <video> shows: a snapshot no other shot has had where the browser can take
 * one, else the <video> itself, drawn in the same task that returns it (no frame can be
 * presented in between).
 */
async function liveFrame(opts: SourceOptions): Promise<Frame> {
	const { video } = opts;
	const snapshot = await opts.frames.snapshot(video, opts.signal);
	if (snapshot) {
		return {
			source: snapshot,
			width: snapshot.displayWidth,
			height: snapshot.displayHeight,
			method: 'video',
			release: () => snapshot.close()
		};
	}
	return { source: video, width: video.videoWidth, height: video.videoHeight, method: 'video', release: () => {} };
}

/**
 * Walks the fallback chain and returns the first frame any step gives. The track must be live
 * with a frame on screen (waitForLiveFrame) before this is called.
 */
export async function sourceFrame(opts: SourceOptions): Promise<Frame> {
	const { track } = opts;
	// Never the same picture twice: a claimed snapshot is unique by its timestamp; any other
	// still waits for a frame no shot has had yet.
	if (opts.useTakePhoto || !opts.frames.snapshots) await opts.frames.nextUnshot();
	const ic = opts.useTakePhoto ? imageCaptureFor(track) : undefined;
	if (ic) {
		try {
			const blob = await ic.takePhoto(opts.photoSettings);
			return bitmapFrame(await createImageBitmap(blob), 'takePhoto');
		} catch (e) {
			opts.signal?.throwIfAborted();
			if (hasEnded(track)) throw new CameraLostError({ cause: e });
		}
		try {
			return bitmapFrame(await ic.grabFrame(), 'grabFrame');
		} catch (e) {
			opts.signal?.throwIfAborted();
			if (hasEnded(track)) throw new CameraLostError({ cause: e });
		}
	}
	// What every browser has, and the last resort: the frame the <video> is showing.
	return liveFrame(opts);
}
