/**
 * A camera frame into an encoded still and its thumbnail, by a frame recipe. A VideoFrame is
 * drawn and encoded in the encode worker where it runs (the page's thread stays free for the
 * preview and the next shot); anything else, or a worker that cannot, is drawn on the page and
 * encoded in the worker where it is up, else on the page. The result is the same either way.
 */
import { context2d, encodeCanvas, makeCanvas, type AnyCanvas } from './canvas';
import {
	canDrawInWorker,
	encodeInWorker,
	encoderReady,
	EncoderUnavailableError,
	stillInWorker,
	stillsWaitingToDraw
} from './encode-client';
import type { EncodeFormat } from './formats';
import type { Size } from './geometry';
import type { StillJob } from './encode-protocol';
import { drawRecipe } from './recipe';
import { encodeThumbnail, thumbnailCanvas, type EncodedThumbnail } from './thumbnail';

/**
 * A copy of a camera frame in memory of its own (the camera's buffer can then go back), or
 * null where it cannot be made (an opaque GPU frame, an older browser).
 *
 * Why: a camera lends its frames from a small pool (four here). In a burst faster than the
 * encode worker draws, shots waiting their turn held all four: the camera had none to fill,
 * the preview froze, and the next shots got a frame another already had (12 of 20 shots at
 * 20 frames/s). One copy (a 1080p I420 frame is 3 MB: 10-30 ms here, on the page's thread) is
 * made only when a still is already waiting in the worker; the copy's buffer is handed to the
 * new frame, not copied again.
 */
async function ownCopy(frame: VideoFrame): Promise<VideoFrame | null> {
	const format = frame.format;
	if (!format) return null;
	try {
		const data = new Uint8Array(frame.allocationSize());
		const layout = await frame.copyTo(data);
		const init: VideoFrameBufferInit & { transfer?: ArrayBuffer[] } = {
			format,
			codedWidth: frame.codedWidth,
			codedHeight: frame.codedHeight,
			timestamp: frame.timestamp,
			displayWidth: frame.displayWidth,
			displayHeight: frame.displayHeight,
			colorSpace: frame.colorSpace.toJSON(),
			layout,
			transfer: [data.buffer]
		};
		if (frame.visibleRect) init.visibleRect = frame.visibleRect.toJSON();
		return new VideoFrame(data, init);
	} catch (e) {
		console.warn('Could not copy the camera frame; keeping it until drawn:', e);
		return null;
	}
}

/** A frame to draw from, and how to let go of it once drawn. */
export interface SourceFrame extends Size {
	source: CanvasImageSource;
	release(): void;
}

export type { StillJob };

export interface RenderedStill extends Size {
	blob: Blob;
	type: string;
	/** Where it was encoded: the encode worker, or the page (no worker, or it failed). */
	encodedIn: 'worker' | 'page';
	/**
	 * Its thumbnail, made from the pixels that were encoded (no decode of the photo). Call it
	 * when there is time: the worker makes it in the gaps between stills anyway, a page-drawn
	 * still encodes its scaled copy then. Undefined where it could not be made.
	 */
	thumbnail: () => Promise<EncodedThumbnail | undefined>;
}

class EmptyStillError extends Error {
	constructor() {
		super('The browser gave an empty picture.');
	}
}

/**
 * Encodes in the encode worker where it is running, else on the page. The worker takes the
 * canvas's pixels; if it cannot finish, `redraw` puts them back and the page encodes them.
 */
async function encode(canvas: AnyCanvas, job: EncodeFormat, redraw: () => void): Promise<{ blob: Blob; encodedIn: RenderedStill['encodedIn'] }> {
	if (canvas instanceof OffscreenCanvas && encoderReady()) {
		try {
			return { blob: await encodeInWorker(canvas, job.type, job.quality), encodedIn: 'worker' };
		} catch (e) {
			if (!(e instanceof EncoderUnavailableError)) throw e;
			console.warn('Encoding on the page instead of the worker:', e.message);
			redraw();
		}
	}
	return { blob: await encodeCanvas(canvas, job.type, job.quality), encodedIn: 'page' };
}

/**
 * A still drawn on the page: `paint` draws it onto a fresh canvas (run again if the worker
 * takes the pixels and fails), the thumbnail is scaled from the same pixels before they go,
 * and it is encoded in the worker where `tryWorker` and it is up, else here.
 */
async function onPage(job: StillJob, paint: (ctx: ReturnType<typeof context2d>) => void, tryWorker: boolean): Promise<RenderedStill> {
	const { width, height } = job.size;
	const canvas = makeCanvas(width, height);
	const ctx = context2d(canvas);
	const draw = () => paint(ctx);
	draw();
	const small = thumbnailCanvas(canvas);
	const { blob, encodedIn } = tryWorker
		? await encode(canvas, job, draw)
		: { blob: await encodeCanvas(canvas, job.type, job.quality), encodedIn: 'page' as const };
	if (!blob.size) throw new EmptyStillError();
	return {
		blob,
		width,
		height,
		type: blob.type || job.type,
		encodedIn,
		thumbnail: () => encodeThumbnail(small).catch(() => undefined)
	};
}

/**
 * Draws the frame by the recipe at `job.size`, encodes it, and releases the frame as soon as
 * its pixels are drawn (a camera has few buffers: a burst must not hold them through encodes).
 */
export async function renderStill(frame: SourceFrame, job: StillJob, signal?: AbortSignal): Promise<RenderedStill> {
	try {
		signal?.throwIfAborted();
		let source = frame.source;
		if (canDrawInWorker() && typeof VideoFrame === 'function' && source instanceof VideoFrame) {
			// Stills ahead of it in the worker: the camera gets its frame back now (see ownCopy).
			const copy = stillsWaitingToDraw() > 0 ? await ownCopy(source) : null;
			if (copy) {
				frame.release();
				frame = { ...frame, source: (source = copy), release: () => copy.close() };
			}
			// A clone goes (it shares the frame's buffer); ours stays for the page to draw should
			// the worker fail before drawing it.
			let drawn = false;
			try {
				const done = await stillInWorker(source.clone(), job, () => {
					drawn = true;
					frame.release();
				});
				if (!done.blob.size) throw new EmptyStillError();
				return { blob: done.blob, ...job.size, type: done.blob.type || job.type, encodedIn: 'worker', thumbnail: () => done.thumbnail };
			} catch (e) {
				if (!(e instanceof EncoderUnavailableError)) throw e;
				if (drawn) {
					// The frame is gone; the worker sent back what it drew, unless it crashed.
					const pixels = e.pixels;
					if (!pixels) throw e;
					console.warn('Encoding the still on the page after the worker failed:', e.message);
					try {
						// Already drawn by the recipe: copied as it is, and not sent back.
						return await onPage(job, (ctx) => ctx.drawImage(pixels, 0, 0), false);
					} finally {
						pixels.close();
					}
				}
				console.warn('Drawing the still on the page instead of the worker:', e.message);
			}
		}
		// Drawn here (a takePhoto() or grabFrame() picture, or no worker): a backdrop's model loads
		// on the page first.
		if (job.recipe.backdrop) {
			await import('./backdrops/stills')
				.then((m) => m.loadBackdrops())
				.catch((e: unknown) => console.warn('Backdrops could not load on the page; the photo is saved without one:', e));
		}
		return await onPage(job, (ctx) => drawRecipe(ctx, frame.source, frame, job.size, job.recipe), true);
	} finally {
		frame.release();
	}
}
