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
	reply({ id: msg.id, kind: 'encoded', blob: await canvas.convertToBlob({ type: msg.type, quality: msg.quality }) });
	if (!msg.thumbnail) return;
	let thumbnail: EncodedThumbnail | undefined;
	try {
		thumbnail = await thumbnailOf(canvas, msg.thumbnail);
	} finally {
		// Always answered: the page makes the thumbnail itself when there is none.
		reply({ id: msg.id, kind: 'thumbnail', thumbnail });
	}
}

function pixelsOf(msg: EncodeRequest): { close(): void } | undefined {
	return msg.kind === 'still' ? msg.frame : msg.kind === 'encode' ? msg.bitmap : undefined;
}

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
	const msg = event.data;
	if (msg.kind === 'ping') return reply({ id: msg.id, kind: 'pong' });
	const job =
		msg.kind === 'still'
			? still(msg)
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
