/**
 * Telling the person about shots that were taken but not saved. A full device, or a database
 * a newer version of the booth owns, offers the photo as a download at once, so nothing is lost.
 */
import { StorageFullError } from '$lib/photos/repository';
import { NewerDatabaseError } from '$lib/photos/db';
import type { NewPhoto } from '$lib/photos/types';
import { saveBlob } from '$lib/export/download';
import { photoFileName } from '$lib/export/filename';
import { reportError, toasts } from '$lib/toasts.svelte';
import { isAbort } from '$lib/abort';
import { CameraError } from './errors';

function offerDownload(message: string, { blob, takenAt }: NewPhoto): void {
	toasts.show(message, {
		kind: 'error',
		ms: 0,
		action: { label: 'Download', run: () => saveBlob(blob, photoFileName(takenAt ?? Date.now(), blob.type)) }
	});
}

const NAMES: Record<string, string> = { gif: 'GIF', boomerang: 'boomerang', video: 'video' };
const what = (photo: NewPhoto) => `this ${NAMES[photo.motion?.kind ?? ''] ?? 'photo'}`;

export function reportShotFailures(failed: unknown[]): void {
	for (const e of failed) {
		if (isAbort(e)) continue;
		if (e instanceof StorageFullError) {
			offerDownload(`Storage is full: ${what(e.photo)} was not saved. Download it now to keep it.`, e.photo);
		} else if (e instanceof NewerDatabaseError && e.photo) {
			const name = what(e.photo);
			offerDownload(`${name[0].toUpperCase()}${name.slice(1)} was not saved: ${e.message} Download it now to keep it.`, e.photo);
		} else if (e instanceof CameraError || e instanceof NewerDatabaseError) {
			// Expected conditions with their own words: the person is told what to do, nothing is logged.
			toasts.error(e.message);
		} else {
			reportError(e, 'The photo was not saved');
		}
	}
}
