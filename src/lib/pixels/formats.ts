/**
 * The image formats the booth writes, and how files of a type are named. Pure.
 */

/** Encodings a photo can be saved in. */
export type PhotoFormat = 'image/jpeg' | 'image/png' | 'image/webp';

/** How to encode: a MIME type (browsers without it give PNG) and a quality from 0 to 1. */
export interface EncodeFormat {
	type: string;
	quality: number;
}

export const FORMAT_EXTENSIONS: Record<PhotoFormat, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp'
};

/** The extension a stored photo of this MIME type is saved with. */
export function extensionFor(type: string): string {
	return FORMAT_EXTENSIONS[type as PhotoFormat] ?? (type.split('/')[1] || 'img');
}
