/**
 * Where a streamed archive goes. With the File System Access API (desktop Chromium) the bytes
 * stream straight into the file the person picks; elsewhere they gather in a Blob, which the
 * browser keeps in its blob store (on disk when large), not in the JS heap, and then download.
 */
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

/**
 * Writes the photos' archive into the target. Where a service worker controls the page it writes
 * the archive (the download streams from it, the page's main thread stays free); otherwise, or
 * when it cannot take the job, the page writes it itself.
 */
export async function saveZip(job: ZipJob, target: SaveTarget, run: ZipRun): Promise<void> {
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
