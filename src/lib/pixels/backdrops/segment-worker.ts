/// <reference lib="webworker" />
/**
 * The live preview's segmentation, off the page's thread: a small picture of each camera frame
 * in (the model's size), the person mask out, smoothed over time (smooth.ts) so edges hold still.
 * One frame at a time: the page sends the next when the last mask has come back.
 */
import { BackdropsUnavailableError, Segmenter } from './segmenter';
import { smoothMask } from './smooth';

export type SegmentRequest = { kind: 'frame'; bitmap: ImageBitmap } | { kind: 'reset' };
export type SegmentReply =
	/** `ms`: how long the mask took to make here. */
	| { kind: 'mask'; mask: ImageData; ms: number }
	/** `unavailable`: this browser cannot run the model at all (no WebAssembly SIMD). */
	| { kind: 'failed'; message: string; unavailable: boolean };

declare const self: DedicatedWorkerGlobalScope;

let segmenter: Promise<Segmenter> | undefined;
let running: Uint8ClampedArray | undefined;

self.onmessage = async (event: MessageEvent<SegmentRequest>) => {
	const msg = event.data;
	if (msg.kind === 'reset') return void (running = undefined);
	const { bitmap } = msg;
	try {
		const s = await (segmenter ??= Segmenter.load());
		const started = performance.now();
		const mask = s.mask(bitmap, bitmap);
		if (running?.length === mask.data.length) smoothMask(running, mask.data);
		else running = mask.data.slice();
		const out = new ImageData(running.slice(), mask.width, mask.height);
		self.postMessage({ kind: 'mask', mask: out, ms: performance.now() - started } satisfies SegmentReply, [out.data.buffer]);
	} catch (e) {
		// Said once: the page stops sending frames (live.ts). A model that cannot run here is
		// not tried again on every frame.
		if (!(e instanceof BackdropsUnavailableError)) segmenter = undefined;
		const unavailable = e instanceof BackdropsUnavailableError;
		self.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e), unavailable } satisfies SegmentReply);
	} finally {
		bitmap.close();
	}
};
