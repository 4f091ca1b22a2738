/// <reference lib="webworker" />
/**
 * The encode worker: JPEG, PNG and WebP encoding off the page's thread.
 *
 * Why: on the page, Chromium encodes a canvas's JPEG or PNG row by row in the main thread's
 * idle time, so during a burst (the preview, the shutter's feedback and the saves all on that
 * thread) each encode waits for idle moments. In a worker, convertToBlob encodes at once on
 * the worker's own thread, on the other core.
 */
import type { EncodeReply, EncodeRequest } from './encode-protocol';

declare const self: DedicatedWorkerGlobalScope;

const reply = (message: EncodeReply) => self.postMessage(message);

async function encode(bitmap: ImageBitmap, type: string, quality: number): Promise<Blob> {
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	// Takes the bitmap's pixels over without a copy.
	const ctx = canvas.getContext('bitmaprenderer');
	if (ctx) ctx.transferFromImageBitmap(bitmap);
	else {
		canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
		bitmap.close();
	}
	return canvas.convertToBlob({ type, quality });
}

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
	const msg = event.data;
	if (msg.kind === 'ping') return reply({ id: msg.id, kind: 'pong' });
	encode(msg.bitmap, msg.type, msg.quality).then(
		(blob) => reply({ id: msg.id, kind: 'encoded', blob }),
		(e: unknown) => {
			msg.bitmap.close();
			reply({ id: msg.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
		}
	);
};
