/**
 * Where an archive goes. With the File System Access API (desktop Chromium) it is written into
 * the file the person picks; elsewhere it is downloaded. A streamed archive written in the page
 * gathers in a Blob first, which the browser keeps in its blob store (on disk when large), not
 * in the JS heap.
 */
import { photos } from '$lib/photos/repository';
import { saveBlob } from './download';
import type { ZipJob, ZipRun } from './zip';

export type SaveTarget =
	| { kind: 'file'; writable: FileSystemWritableFileStream }
	| { kind: 'download'; name: string };

interface SavePickerWindow {
	showSaveFilePicker?: (options: {
		suggestedName: string;
		types: { description: string; accept: Record<string, string[]> }[];
	}) => Promise<FileSystemFileHandle>;
}

/**
 * Asks where to save when the browser can write a file as it goes. Call it first thing in the
 * click handler: the picker needs the click's user activation. A dismissed picker rejects
 * with AbortError (cancelled, not failed).
 */
export async function chooseTarget(name: string): Promise<SaveTarget> {
	const picker = (window as SavePickerWindow).showSaveFilePicker;
	if (typeof picker !== 'function') return { kind: 'download', name };
	const handle = await picker.call(window, {
		suggestedName: name,
		types: [{ description: 'ZIP archive', accept: { 'application/zip': ['.zip'] } }]
	});
	return { kind: 'file', writable: await handle.createWritable() };
}

/** Writes the stream to the target; on abort nothing is kept (the file's swap is discarded). */
export async function saveStream(
	stream: ReadableStream<Uint8Array>,
	target: SaveTarget,
	signal: AbortSignal
): Promise<void> {
	if (target.kind === 'file') {
		await stream.pipeTo(target.writable, { signal });
		return;
	}
	// pipeThrough takes the signal, so Cancel stops the read at once, not after the next photo.
	const blob = await new Response(stream.pipeThrough(new TransformStream(), { signal })).blob();
	signal.throwIfAborted();
	saveBlob(new Blob([blob], { type: 'application/zip' }), target.name);
}

/** How much of a finished archive is handed to a picked file at a time (the browser copies it). */
const FILE_PIECE = 32 * 2 ** 20;

/**
 * Writes a finished archive into the target; on failure or abort nothing is kept. Cancel ends
 * the job at once: the file is aborted (its swap discarded) as soon as the piece being copied
 * is done, without the page waiting for that.
 */
async function saveWhole(blob: Blob, target: SaveTarget, signal: AbortSignal): Promise<void> {
	signal.throwIfAborted();
	if (target.kind === 'download') {
		saveBlob(blob, target.name);
		return;
	}
	const writer = target.writable.getWriter();
	let onAbort = () => {};
	const cancelled = new Promise<never>((_, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	cancelled.catch(() => {}); // raced below; an abort while closing is left to close()
	try {
		for (let at = 0; at < blob.size; at += FILE_PIECE) {
			const piece = writer.write(blob.slice(at, at + FILE_PIECE));
			piece.catch(() => {}); // when cancelled, its failure is the abort's
			await Promise.race([piece, cancelled]);
		}
		signal.throwIfAborted();
		await writer.close();
	} catch (e) {
		void writer.abort(e).catch(() => {});
		throw e;
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

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
export function archiveName(kind: 'export' | 'backup', now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return kind === 'backup' ? `photobooth-backup-${stamp}.zip` : `photobooth-${stamp}.zip`;
}
