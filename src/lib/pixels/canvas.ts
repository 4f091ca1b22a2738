/**
 * Canvases on the page or in a worker: made, scaled and encoded the same way in both.
 */
import { fitWithin } from './geometry';

export type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;
export type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** An OffscreenCanvas where the browser has one, else a detached <canvas>. */
export function makeCanvas(width: number, height: number): AnyCanvas {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
	const c = document.createElement('canvas');
	c.width = width;
	c.height = height;
	return c;
}

/** The canvas's 2D context, set for smooth scaling; throws where there is none. */
export function context2d(canvas: AnyCanvas): Context2D {
	const ctx = canvas.getContext('2d') as Context2D | null;
	if (!ctx) throw new Error('No 2D canvas is available.');
	ctx.imageSmoothingQuality = 'high';
	return ctx;
}

/** The picture on a new canvas whose longer side is at most `max` (never enlarged). */
export function scaledCopy(source: CanvasImageSource, width: number, height: number, max: number): AnyCanvas {
	const { width: w, height: h } = fitWithin(width, height, max);
	const canvas = makeCanvas(w, h);
	context2d(canvas).drawImage(source, 0, 0, w, h);
	return canvas;
}

/** Encodes a canvas to a Blob of the given type; browsers that lack the type give PNG. */
export async function encodeCanvas(canvas: AnyCanvas, type: string, quality: number): Promise<Blob> {
	if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the picture.'))), type, quality)
	);
}
