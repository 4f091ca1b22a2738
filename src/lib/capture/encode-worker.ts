/// <reference lib="webworker" />
/**
 * The encode worker: drawing camera frames and JPEG, PNG and WebP encoding, off the page's
 * thread.
 *
 * Why: on the page, drawing a 1080p camera frame (a YUV to RGB conversion) takes 10-20 ms of
 * the main thread, and Chromium encodes a canvas's JPEG or PNG row by row in the main thread's
 * idle time, so during a burst each shot waited behind the preview and the saves. In a worker
 * both run at once on the worker's own thread, on the other core.
 */
import type { EncodeReply, EncodeRequest, EncodedThumbnail, ThumbnailRequest } from './encode-protocol';

declare const self: DedicatedWorkerGlobalScope;

const reply = (message: EncodeReply) => self.postMessage(message);

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('No 2D canvas in the encode worker.');
	ctx.imageSmoothingQuality = 'high';
	return ctx;
}

async function encodeBitmap(bitmap: ImageBitmap, type: string, quality: number): Promise<Blob> {
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	// Takes the bitmap's pixels over without a copy.
	const ctx = canvas.getContext('bitmaprenderer');
	if (ctx) ctx.transferFromImageBitmap(bitmap);
	else {
		context2d(canvas).drawImage(bitmap, 0, 0);
		bitmap.close();
	}
	return canvas.convertToBlob({ type, quality });
}

/** The longer side scaled down to at most `max`, never up. */
function fit(width: number, height: number, max: number) {
	const scale = Math.min(1, max / width, max / height);
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function thumbnailOf(source: OffscreenCanvas, want: ThumbnailRequest): Promise<EncodedThumbnail> {
	const { width, height } = fit(source.width, source.height, want.size);
	const canvas = new OffscreenCanvas(width, height);
	context2d(canvas).drawImage(source, 0, 0, width, height);
	return { blob: await canvas.convertToBlob({ type: want.type, quality: want.quality }), width, height };
}

/** Draws and encodes a still, answers, then makes its thumbnail (the save need not wait for it). */
async function still(msg: Extract<EncodeRequest, { kind: 'still' }>): Promise<void> {
	const { frame, width, height } = msg;
	const canvas = new OffscreenCanvas(width, height);
	try {
		const ctx = context2d(canvas);
		// At the frame's own size nothing is resampled: smoothing would only cost time.
		if (frame.displayWidth === width && frame.displayHeight === height) ctx.imageSmoothingEnabled = false;
		if (msg.mirror) {
			ctx.translate(width, 0);
			ctx.scale(-1, 1);
		}
		ctx.drawImage(frame, 0, 0, width, height);
	} finally {
		// The camera's buffer goes back to it as soon as the pixels are ours.
		frame.close();
	}
	reply({ id: msg.id, kind: 'drawn' });
	let blob: Blob;
	try {
		blob = await canvas.convertToBlob({ type: msg.type, quality: msg.quality });
	} catch (e) {
		// The page has let go of the frame: the drawn pixels go back for it to encode.
		const pixels = canvas.transferToImageBitmap();
		self.postMessage({ id: msg.id, kind: 'failed', message: e instanceof Error ? e.message : String(e), pixels } satisfies EncodeReply, [
			pixels
		]);
		return;
	}
	reply({ id: msg.id, kind: 'encoded', blob });
	const want = msg.thumbnail;
	if (want) later(msg.id, () => thumbnailOf(canvas, want));
}

/**
 * Thumbnails wait until no still is waiting: in a burst the next shot's draw comes first (this
 * thread does one thing at a time), and the thumbnails follow in the gaps.
 */
const thumbnailQueue: { id: number; make: () => Promise<EncodedThumbnail> }[] = [];
let stillsWaiting = 0;
let draining = false;
/** Each queued thumbnail holds its still's pixels: past this many they go first after all. */
const MAX_QUEUED = 4;
const mayMake = () => stillsWaiting === 0 || thumbnailQueue.length > MAX_QUEUED;

function later(id: number, make: () => Promise<EncodedThumbnail>): void {
	thumbnailQueue.push({ id, make });
	drain();
}

function drain(): void {
	if (draining) return;
	draining = true;
	// A task of its own: still messages already queued run first.
	setTimeout(async () => {
		while (thumbnailQueue.length && mayMake()) {
			const { id, make } = thumbnailQueue.shift()!;
			let thumbnail: EncodedThumbnail | undefined;
			try {
				thumbnail = await make();
			} catch {
				// None: the page makes it from the photo.
			}
			reply({ id, kind: 'thumbnail', thumbnail });
			// Let a still that arrived meanwhile go first.
			await new Promise((r) => setTimeout(r, 0));
		}
		draining = false;
		if (thumbnailQueue.length && mayMake()) drain();
	}, 0);
}

function pixelsOf(msg: EncodeRequest): { close(): void } | undefined {
	return msg.kind === 'still' ? msg.frame : msg.kind === 'encode' ? msg.bitmap : undefined;
}

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
	const msg = event.data;
	if (msg.kind === 'ping') return reply({ id: msg.id, kind: 'pong' });
	const job =
		msg.kind === 'still'
			? (stillsWaiting++, still(msg).finally(() => (stillsWaiting--, drain())))
			: encodeBitmap(msg.bitmap, msg.type, msg.quality).then((blob) => reply({ id: msg.id, kind: 'encoded', blob }));
	job.catch((e: unknown) => {
		try {
			pixelsOf(msg)?.close();
		} catch {
			// already closed
		}
		reply({ id: msg.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
	});
};
