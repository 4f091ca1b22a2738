/**
 * The live backdrop: each camera frame of the preview (drawn on a canvas at the size it is
 * shown, or its pixels about to be) gets the person composited over the backdrop, with the
 * latest mask from the segmentation worker. The worker segments one frame while the page shows the next, so the
 * preview keeps the camera's pace; the mask trails the picture by a frame or two.
 */
import type { BackdropRef } from '$lib/pixels/recipe-data';
import { backdropInfo, markBackdropsUnavailable } from '$lib/backdrops/list';
import { composite, compositePixels, type BackdropPlace } from './composite';
import { backdropImage } from './images';
import type { SegmentReply, SegmentRequest } from './segment-worker';
import { stillsInHand } from '../encode-client';

/** The model's input size: frames are sent at it, scaled by the browser. */
const MODEL = 256;
/** The segmentation worker rests this many times as long as its last mask took (see onmessage). */
const REST = 1;

export class LiveBackdrop {
	#worker: Worker;
	#mask: ImageData | undefined;
	#busy = false;
	#failed = false;
	/** No frame is sent before this (see onmessage). */
	#restUntil = 0;
	#onerror: (message: string) => void;

	constructor(onerror: (message: string) => void) {
		this.#onerror = onerror;
		this.#worker = new Worker(new URL('./segment-worker.ts', import.meta.url), { type: 'module', name: 'segment' });
		this.#worker.onmessage = (event: MessageEvent<SegmentReply>) => {
			this.#busy = false;
			const msg = event.data;
			if (msg.kind === 'mask') {
				this.#mask = msg.mask;
				// Rest as long as the mask took: the worker keeps at most half a core busy. On two
				// cores it kept one nearly always, beside the page, the camera and the shots. Where a
				// mask takes a few ms that is still every frame; here (15-30 ms) about 20 a second,
				// and the preview draws every frame with the latest.
				this.#restUntil = performance.now() + REST * (Number.isFinite(msg.ms) ? msg.ms : 0);
			}
			else {
				// Told once; no more frames are sent (the preview shows the camera as it is).
				this.#failed = true;
				// The picker says so too, where no backdrop can ever run here.
				if (msg.unavailable) markBackdropsUnavailable();
				this.#onerror(msg.message);
			}
		};
		this.#worker.onerror = (e) => this.#onerror(e.message || 'The segmentation worker stopped.');
	}

	/** Whether a mask has come: until then the preview shows the camera as it is. */
	get ready(): boolean {
		return !!this.#mask;
	}

	/**
	 * Composites the frame on `canvas` (2D, a whole camera frame), or in `pixels` (in place),
	 * over the backdrop `ref`. False while no mask has come (the frame is left as it is).
	 */
	apply(frame: HTMLCanvasElement | ImageData, ref: BackdropRef, place: BackdropPlace): boolean {
		// While a shot is drawn and encoded the mask holds still: on two cores the preview's
		// segmentation would slow the shot, and the still is segmented on its own anyway.
		if (!this.#busy && !this.#failed && !stillsInHand() && performance.now() >= this.#restUntil) {
			this.#busy = true;
			createImageBitmap(frame, { resizeWidth: MODEL, resizeHeight: MODEL, resizeQuality: 'low' }).then(
				(bitmap) => this.#worker.postMessage({ kind: 'frame', bitmap } satisfies SegmentRequest, [bitmap]),
				() => (this.#busy = false)
			);
		}
		const info = backdropInfo(ref.id);
		const mask = this.#mask;
		if (!info || info.kind === 'none' || !mask) return false;
		const image = ref.photo ? backdropImage(ref.photo) : undefined;
		if (info.kind === 'photo' && !image) return false;
		if (frame instanceof ImageData) {
			compositePixels(frame, mask, info, image, place);
			return true;
		}
		const ctx = frame.getContext('2d');
		if (!ctx) return false;
		composite(ctx, frame.width, frame.height, mask, info, image, place);
		return true;
	}

	stop(): void {
		this.#worker.terminate();
	}
}
