/**
 * Writing the photos' archive: the one place that decides how it is made (joined from stored
 * Blobs, or streamed) and falls back from one to the other. Where it goes is target.ts.
 */
import { fileStamp } from '$lib/format';
import { photos } from '$lib/photos/repository';
import { saveStream, saveWhole, type SaveTarget } from './target';
import type { ZipJob, ZipRun } from './zip';

export { chooseTarget, type SaveTarget } from './target';

/**
 * Writes the photos' archive into the target. Where originals are stored as Blobs, the browser
 * joins them into the archive itself (zipPhotosBlob): no photo is read, and a download knows
 * its size. Otherwise it is streamed: by the service worker where one controls the page (the
 * download streams from it, the page's main thread stays free), else, or when it cannot take
 * the job, by the page.
 */
export async function saveZip(job: ZipJob, target: SaveTarget, run: ZipRun): Promise<void> {
	if (photos.storesBlobs) {
		const { zipPhotosBlob } = await import('./zip');
		let blob: Blob | undefined;
		try {
			blob = await zipPhotosBlob(job, run);
		} catch (e) {
			// The browser could not keep the joined parts (a private window's memory-only
			// storage, for one): stream the archive instead. Nothing was saved yet.
			if (!(e instanceof DOMException && e.name === 'NotReadableError')) {
				// Cancelled or failed: the file the person picked is discarded, not left half made.
				if (target.kind === 'file') await target.writable.abort(e).catch(() => {});
				throw e;
			}
			console.warn('Streaming the archive instead:', e.message);
		}
		if (blob) return saveWhole(blob, target, run.signal);
	}
	const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : null;
	if (worker) {
		const { saveViaWorker, WorkerUnavailableError } = await import('./zip-client');
		try {
			await saveViaWorker(worker, job, target, run);
			return;
		} catch (e) {
			if (!(e instanceof WorkerUnavailableError)) throw e;
			console.warn('Writing the archive in the page:', e.message);
		}
	}
	const { zipPhotos } = await import('./zip');
	await saveStream(zipPhotos(job, run), target, run.signal);
}

/** An archive name for now: photobooth-2026-11-24-143005.zip, or with a word: …-backup-…zip. */
export function archiveName(kind: 'export' | 'backup', now = new Date(), label?: string): string {
	const stamp = fileStamp(now.getTime());
	// An event's export carries its name (letters and digits kept, in any script).
	const named = label?.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
	if (named) return `photobooth-${named}-${stamp}.zip`;
	return kind === 'backup' ? `photobooth-backup-${stamp}.zip` : `photobooth-${stamp}.zip`;
}
