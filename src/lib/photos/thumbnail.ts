/**
 * Thumbnails: about 320 px on the long side, JPEG. Made after the original is saved, never on the
 * shutter's critical path.
 */
import { encodeCanvas, fitSize, scaledCopy } from '$lib/capture/still-capture';
import type { EncodeFormat } from '$lib/capture/encode-protocol';
import type { StoredThumbnail } from './types';

export const THUMB_SIZE = 320;
/** How thumbnails are encoded, wherever that happens (here, or in the encode worker). */
export const THUMB_FORMAT: EncodeFormat = { type: 'image/jpeg', quality: 0.8 };

/**
 * Thumbnails being made right now, by photo id. A view that wants one waits for the job instead
 * of decoding the original a second time.
 */
export const thumbnailJobs = new Map<string, Promise<StoredThumbnail | undefined>>();

/** Scales width x height down so the longer side is at most `max`. */
export function fitWithin(width: number, height: number, max = THUMB_SIZE) {
	return fitSize(width, height, { width: max, height: max });
}

/** A stored thumbnail from a canvas already at thumbnail size (see Still.thumbnail). */
export async function encodeThumbnail(id: string, canvas: OffscreenCanvas | HTMLCanvasElement): Promise<StoredThumbnail> {
	const blob = await encodeCanvas(canvas, THUMB_FORMAT.type, THUMB_FORMAT.quality);
	return { id, data: await blob.arrayBuffer(), type: blob.type, width: canvas.width, height: canvas.height };
}

/** A thumbnail made by decoding a stored photo (imports, and photos that never got one). */
export async function makeThumbnail(id: string, image: Blob): Promise<StoredThumbnail> {
	const source = await createImageBitmap(image);
	try {
		return await encodeThumbnail(id, scaledCopy(source, source.width, source.height, THUMB_SIZE));
	} finally {
		source.close();
	}
}
