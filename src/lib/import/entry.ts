/**
 * One entry of an archive read into memory, checked on the way: a decompression bomb is refused
 * before a byte of it is unpacked, an entry is never unpacked past the size it declared, and its
 * CRC-32 must match.
 */
import { Uint8ArrayWriter, configure, type Entry } from '@zip.js/zip.js';
import zipWorker from '@zip.js/zip.js/dist/zip-web-worker.js?url';
import { FileRejected as Rejected } from '$lib/file-intake';

// Unpacking runs off the page's thread, in zip.js's own worker (28 KB, served from this origin:
// the CSP's worker-src 'self' forbids the blob: URL it would make by default), with the
// browser's DecompressionStream inside it. On the page, a 1 GiB decompression bomb froze it for
// 40 s; now the page stays free while an entry is unpacked and cut off at its cap.
configure({ useWebWorkers: true, workerURI: zipWorker, useCompressionStream: true });

/** The most an archive entry may unpack to: a 100-megapixel camera's JPEG is about 50 MB. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
/** Photos barely shrink in a ZIP (JPEG, PNG and WebP are compressed already): past this, a bomb. */
const MAX_RATIO = 100;

function isBomb(size: number, packed: number): boolean {
	return size > MAX_ENTRY_BYTES || (size > 8 * 1024 * 1024 && size > MAX_RATIO * Math.max(packed, 1));
}

const tooLarge = (bytes: number) =>
	`far too large for a photo once unpacked (${Math.round(bytes / 1024 / 1024).toLocaleString()} MB): it may be a decompression bomb`;

/** Unpacks into memory, but never past the size the archive declared (a header may lie). */
class CappedWriter extends Uint8ArrayWriter {
	written = 0;
	overflowed = false;
	readonly #cap: number;
	constructor(declared: number) {
		super();
		this.#cap = Math.min(declared, MAX_ENTRY_BYTES);
	}
	async writeUint8Array(array: Uint8Array): Promise<void> {
		this.written += array.length;
		if (this.written > this.#cap) {
			this.overflowed = true;
			throw new Error('The entry unpacks to more than its header says.');
		}
		await super.writeUint8Array(array);
	}
}

export async function readEntry(entry: Entry, signal: AbortSignal): Promise<Uint8Array> {
	if (entry.directory) throw new Rejected('a folder');
	// A decompression bomb (a small entry that unpacks to gigabytes) is refused before a byte
	// of it is unpacked: the reader would otherwise set aside its whole declared size at once.
	const size = entry.uncompressedSize ?? 0;
	if (isBomb(size, entry.compressedSize ?? 0)) throw new Rejected(tooLarge(size));
	const writer = new CappedWriter(size);
	try {
		// checkSignature: the CRC-32 is verified, so damaged bytes are never stored.
		return await entry.getData(writer, { checkSignature: true, signal });
	} catch (e) {
		if (signal.aborted) throw e;
		if (writer.overflowed) throw new Rejected(tooLarge(writer.written));
		throw new Rejected('damaged inside the archive (its checksum does not match)');
	}
}
