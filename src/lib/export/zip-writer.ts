/**
 * A small streamed ZIP writer, store only (method 0): photos are already compressed, and the
 * archive must be written at disk speed. Every entry's bytes are in memory when it is written,
 * so its CRC and size go in the local header (no data descriptor) and the bytes are passed on
 * as they are, never copied.
 *
 * Layout follows PKWARE APPNOTE 6.3.x (zip-format.ts): local header + data per entry, then the
 * central directory, then the end records.
 */
import { crcOfBytes } from '$lib/checksums/crc32';
import { centralHeader, end, endRecords, headerInfo, localHeader, type FileInfo } from './zip-format';

/** One file in the archive. */
export interface ZipEntry {
	/** Path inside the archive, '/' separated, UTF-8. Must be non-empty; absolute paths and '..' segments are a TypeError. */
	name: string;
	/** Modification time (ms since epoch or Date). */
	lastModified: number | Date;
	/**
	 * The file's bytes, possibly as several parts (e.g. a JPEG with an EXIF segment spliced in:
	 * parts share the original buffer, never concatenate them). They are enqueued as they are,
	 * so they must not change until the stream's reader is done with them.
	 */
	data: Uint8Array | readonly Uint8Array[];
	/**
	 * The CRC-32 of `data`, where it is known already (stored when the photo was taken): the
	 * bytes are then not read at all. It is trusted as given.
	 */
	crc?: number;
}

export interface ZipWriterOptions {
	/** Aborting errors the stream with the signal's reason at its next pull. */
	signal?: AbortSignal;
}

/**
 * The archive as a byte stream, pulled entry by entry: each pull takes one entry from
 * `entries` and enqueues its header and then its data parts (the stream has no read-ahead,
 * so at most one entry is held beyond what the reader holds). The central directory, a few
 * dozen bytes per entry, is kept until the end.
 *
 * Cancelling the stream calls the iterator's return(), so a generator's finally blocks run;
 * so does an abort of `signal` or a bad entry (TypeError), which also error the stream. An
 * error thrown by the iterator errors the stream.
 */
export function zipStream(
	entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
	opts: ZipWriterOptions = {}
): ReadableStream<Uint8Array> {
	const { signal } = opts;
	const iterator: AsyncIterator<ZipEntry> | Iterator<ZipEntry> =
		Symbol.asyncIterator in entries ? entries[Symbol.asyncIterator]() : entries[Symbol.iterator]();
	let finished = false; // the iterator is done or broke itself: return() is not to be called
	const central: Uint8Array[] = [];
	let centralSize = 0;
	let offset = 0; // bytes enqueued so far: the next local header's offset

	async function stop() {
		if (finished) return;
		finished = true;
		try {
			await iterator.return?.();
		} catch {
			// The stream is already ending for another reason: that one is reported.
		}
	}

	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					signal?.throwIfAborted();
					let next: IteratorResult<ZipEntry>;
					try {
						next = await iterator.next();
					} catch (error) {
						finished = true; // a generator that threw is over; return() would do nothing
						throw error;
					}
					if (next.done) {
						finished = true;
						controller.enqueue(end(central, centralSize, offset));
						controller.close();
						return;
					}
					signal?.throwIfAborted(); // it may have aborted while the entry was being read
					const file = describe(next.value, offset);
					const header = localHeader(file);
					const record = centralHeader(file);
					controller.enqueue(header);
					for (const part of file.parts) if (part.length) controller.enqueue(part);
					offset += header.length + file.size;
					central.push(record);
					centralSize += record.length;
				} catch (error) {
					await stop();
					throw error;
				}
			},
			cancel: stop
		},
		// Pull only when the reader asks: nothing is read from `entries` before it is wanted.
		{ highWaterMark: 0 }
	);
}

function describe(entry: ZipEntry, offset: number): FileInfo {
	const parts = asParts(entry.data);
	let size = 0;
	for (const part of parts) size += part.length;
	return { ...headerInfo(entry.name, entry.lastModified, size, crcOfBytes(parts, entry.crc), offset), parts };
}

function asParts(data: Uint8Array | readonly Uint8Array[]): readonly Uint8Array[] {
	return ArrayBuffer.isView(data) ? [data] : data;
}

/** One file of an archive made as a Blob: its bytes as parts the browser joins itself. */
export interface ZipBlobEntry {
	/** As ZipEntry.name. */
	name: string;
	lastModified: number | Date;
	/** The file's bytes in order: Blobs (never read here) and bytes. */
	parts: readonly (Uint8Array<ArrayBuffer> | Blob)[];
	/** The CRC-32 of the parts together: required, since the parts are never read. */
	crc: number;
}

/** How many entries are joined into one Blob at a time (see zipBlob). */
const BLOB_BATCH = 64;

/**
 * The archive as a Blob made of the entries' parts and the headers between them. Nothing is
 * read or copied here: the browser joins the parts (a stored photo is a reference to its file),
 * so the JS heap holds headers and a few handles, whatever the photo count. Every few dozen
 * entries the parts so far are joined and one byte of them read back, which throws (a
 * NotReadableError) where the browser could not keep them, before anything is saved.
 */
export async function zipBlob(
	entries: AsyncIterable<ZipBlobEntry> | Iterable<ZipBlobEntry>,
	opts: ZipWriterOptions = {}
): Promise<Blob> {
	const { signal } = opts;
	const done: Blob[] = [];
	const central: Blob[] = [];
	let parts: (Uint8Array<ArrayBuffer> | Blob)[] = [];
	let records: Uint8Array<ArrayBuffer>[] = [];
	let count = 0;
	let centralSize = 0;
	let offset = 0;
	const flush = async () => {
		if (parts.length) {
			const joined = new Blob(parts);
			parts = [];
			await confirmReadable(joined);
			done.push(joined);
		}
		if (records.length) central.push(new Blob(records));
		records = [];
	};
	for await (const entry of entries) {
		signal?.throwIfAborted();
		let size = 0;
		for (const part of entry.parts) size += part instanceof Blob ? part.size : part.length;
		const info = headerInfo(entry.name, entry.lastModified, size, entry.crc, offset);
		const header = localHeader(info);
		const record = centralHeader(info);
		parts.push(header, ...entry.parts);
		records.push(record);
		offset += header.length + size;
		centralSize += record.length;
		if (++count % BLOB_BATCH === 0) await flush();
	}
	signal?.throwIfAborted();
	await flush();
	return new Blob([...done, ...central, endRecords(count, centralSize, offset)], { type: 'application/zip' });
}

/** Reads a Blob's last byte: a Blob the browser could not build fails the read. */
async function confirmReadable(blob: Blob): Promise<void> {
	if (blob.size) await blob.slice(blob.size - 1).arrayBuffer();
}
