/**
 * Sharing photos through the Web Share API (a phone's share sheet, so they can go to the camera
 * roll or a chat). Only where the browser says it can share files; the button is hidden elsewhere.
 */
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { exifInfoOf, exportBlob } from './exif';
import { uniqueNamer } from './filename';
import { photoTime } from '$lib/time';

export class TooManyToShareError extends Error {
	constructor() {
		super('These photos are too many (or too large) to share at once. Use Export to save them as a ZIP.');
		this.name = 'TooManyToShareError';
	}
}

/**
 * Shares the photos as files, with EXIF like an export. Resolves when shared; rejects with
 * AbortError when the person closes the share sheet.
 */
export async function sharePhotos(list: readonly PhotoMeta[]): Promise<void> {
	const name = uniqueNamer();
	const files: File[] = [];
	for (const meta of list) {
		const original = await photos.readOriginal(meta.id);
		if (!original) continue;
		const blob = await exportBlob(original.data, original.type, exifInfoOf(meta));
		files.push(new File([blob], name(meta.takenAt, original.type), { type: original.type, lastModified: photoTime(meta.takenAt) }));
	}
	if (!files.length) throw new Error('These photos are no longer stored.');
	if (!navigator.canShare({ files })) throw new TooManyToShareError();
	await navigator.share({ files });
}
