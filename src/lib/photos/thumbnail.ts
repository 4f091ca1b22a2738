/**
 * Thumbnails: about 320 px on the long side, JPEG. Made after the original is saved, never on the
 * shutter's critical path.
 */
import { encodeCanvas } from '$lib/capture/still-capture';
import type { StoredThumbnail } from './types';

export const THUMB_SIZE = 320;

/**
 * Thumbnails being made right now, by photo id. A view that wants one waits for the job instead
 * of decoding the original a second time.
 */
export const thumbnailJobs = new Map<string, Promise<StoredThumbnail | undefined>>();

/** Scales width x height down so the longer side is at most `max`. */
export function fitWithin(width: number, height: number, max = THUMB_SIZE) {
	const scale = Math.min(1, max / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

export async function makeThumbnail(id: string, image: Blob): Promise<StoredThumbnail> {
	const source = await createImageBitmap(image);
	try {
		const { width, height } = fitWithin(source.width, source.height);
		const canvas =
			typeof OffscreenCanvas !== 'undefined'
				? new OffscreenCanvas(width, height)
				: Object.assign(document.createElement('canvas'), { width, height });
		const ctx = canvas.getContext('2d') as
			| OffscreenCanvasRenderingContext2D
			| CanvasRenderingContext2D;
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(source, 0, 0, width, height);
		const blob = await encodeCanvas(canvas, 'image/jpeg', 0.8);
		return { id, data: await blob.arrayBuffer(), type: blob.type, width, height };
	} finally {
		source.close();
	}
}
