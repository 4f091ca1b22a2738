/**
 * Saving a photo to the device: the original bytes, under a dated file name.
 */
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { exifInfoOf, exportBlob } from './exif';
import { photoFileName } from './filename';

/** Starts a download of a Blob under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// The browser has taken its copy once click() returns; a minute leaves room for slow ones.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads a stored photo: the original bytes, with EXIF (date, camera) added to a JPEG so
 * other apps file it right. The stored copy is left as it is.
 */
export async function downloadPhoto(meta: PhotoMeta): Promise<void> {
	const original = await photos.readOriginal(meta.id);
	if (!original) throw new Error('This photo is no longer stored.');
	saveBlob(await exportBlob(original.data, original.type, exifInfoOf(meta)), photoFileName(meta.takenAt, original.type));
}
