/**
 * A shot cut and scaled to its cell as soon as it is taken, while the session goes on: the
 * strip then draws it as it is, and only the last shot is decoded once the session ends (the
 * strip is saved that much sooner). Small too: a cell's pixels, not a whole photo's.
 */
import type { Size } from '$lib/pixels/geometry';
import { coverCrop } from './layouts';

/**
 * `blob` (a photo of `size`) decoded, centre-cropped to `cell`'s shape and scaled to it;
 * undefined where the browser cannot (the strip then decodes the photo itself).
 */
export async function cellPicture(blob: Blob, size: Size, cell: Size | undefined): Promise<ImageBitmap | undefined> {
	if (!cell || typeof createImageBitmap !== 'function') return undefined;
	const crop = coverCrop(size, cell);
	try {
		return await createImageBitmap(blob, Math.round(crop.x), Math.round(crop.y), Math.round(crop.width), Math.round(crop.height), {
			resizeWidth: cell.width,
			resizeHeight: cell.height,
			resizeQuality: 'high'
		});
	} catch {
		return undefined;
	}
}
