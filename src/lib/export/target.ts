/**
 * Where an archive goes. With the File System Access API (desktop Chromium) it is written into
 * the file the person picks; elsewhere it is downloaded. A streamed archive written in the page
 * gathers in a Blob first, which the browser keeps in its blob store (on disk when large), not
 * in the JS heap.
 */
import { saveBlob } from './download';

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
export async function saveWhole(blob: Blob, target: SaveTarget, signal: AbortSignal): Promise<void> {
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
