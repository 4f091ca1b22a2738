/**
 * Saving a photo to the device: the original bytes, under a dated file name.
 */
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
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

/** Downloads a stored photo's original bytes. */
export async function downloadPhoto(meta: PhotoMeta): Promise<void> {
	const blob = await photos.getOriginal(meta.id);
	if (!blob) throw new Error('This photo is no longer stored.');
	saveBlob(blob, photoFileName(meta.takenAt, meta.type));
}
