/**
 * Where a streamed archive goes. With the File System Access API (desktop Chromium) the bytes
 * stream straight into the file the person picks; elsewhere they gather in a Blob, which the
 * browser keeps in its blob store (on disk when large), not in the JS heap, and then download.
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

/** An archive name for now: photobooth-2026-11-24-143005.zip, or with a word: …-backup-…zip. */
export function archiveName(kind: 'export' | 'backup', now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return kind === 'backup' ? `photobooth-backup-${stamp}.zip` : `photobooth-${stamp}.zip`;
}
