/**
 * Thumbnails: about 320 px on the long side, JPEG. Made in one way wherever they are made (in
 * the encode worker from the pixels it encoded, on the page from a canvas, or from a stored
 * photo), so every one is the same size and quality.
 */
import { encodeCanvas, scaledCopy, type AnyCanvas } from './canvas';
import type { EncodeFormat } from './formats';
import { fitWithin, type Size } from './geometry';

export const THUMB_SIZE = 320;
/** How thumbnails are encoded, wherever that happens. */
export const THUMB_FORMAT: EncodeFormat = { type: 'image/jpeg', quality: 0.8 };

/** An encoded thumbnail and its size. */
export interface EncodedThumbnail {
	blob: Blob;
	width: number;
	height: number;
}

/** The size of a picture's thumbnail. */
export function thumbnailSize(width: number, height: number): Size {
	return fitWithin(width, height, THUMB_SIZE);
}

/**
 * The picture scaled to thumbnail size, drawn at once: take it before the picture's pixels go
 * elsewhere (to the encode worker), and encode it when there is time (encodeThumbnail).
 */
export function thumbnailCanvas(source: CanvasImageSource & Size): AnyCanvas {
	return scaledCopy(source, source.width, source.height, THUMB_SIZE);
}

/** Encodes a canvas already at thumbnail size. */
export async function encodeThumbnail(canvas: AnyCanvas): Promise<EncodedThumbnail> {
	const blob = await encodeCanvas(canvas, THUMB_FORMAT.type, THUMB_FORMAT.quality);
	return { blob, width: canvas.width, height: canvas.height };
}

/** The thumbnail of a picture (a canvas, a bitmap), scaled from its pixels: no decode needed. */
export function thumbnailOf(source: CanvasImageSource & Size): Promise<EncodedThumbnail> {
	return encodeThumbnail(thumbnailCanvas(source));
}

/** The thumbnail of an encoded image (imports, and photos that never got one): decoded once. */
export async function thumbnailOfImage(image: Blob): Promise<EncodedThumbnail> {
	const bitmap = await createImageBitmap(image);
	try {
		return await thumbnailOf(bitmap);
	} finally {
		bitmap.close();
	}
}
