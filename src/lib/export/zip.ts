/**
 * Photos as one streamed ZIP: entries are produced one at a time as the archive is read, so
 * memory holds a few photos, never the archive. The same code runs in the service worker (which
 * streams the archive straight into a download) and, where no worker controls the page, in the
 * page itself. Loaded on demand.
 */
import { photos } from '$lib/photos/repository';
import { jpegWithExif } from './exif';
import type { ZipFile } from './filename';
import { crc32, zipStream, type ZipEntry } from './zip-writer';
import { crc32AfterInsert } from './crc-combine';

export type { ZipFile };

/** What goes into an archive: plain data, so it can be posted to the service worker. */
export interface ZipJob {
	files: ZipFile[];
	/** Add EXIF to JPEGs (export); a backup keeps the stored bytes exactly. */
	exif: boolean;
	/** Extra text entries written first (the backup manifest's JSON), keyed by file name. */
	extra?: Record<string, string>;
}

export interface ZipRun {
	signal: AbortSignal;
	/** Called as each photo goes into the archive: how many so far. */
	onProgress?: (done: number) => void;
}

/**
 * How many originals are read ahead of the one being written: IndexedDB reads then overlap
 * with the checksum and the write of the one before (measured: about 1.4x the throughput of
 * one read at a time), while memory stays a few photos.
 */
const READ_AHEAD = 4;

type Read = Awaited<ReturnType<typeof photos.readOriginal>>;
type Settled = { ok: true; value: Read } | { ok: false; error: unknown };

/** Starts a read whose failure is kept for later, so a read never awaited is never unhandled. */
function startRead(id: string): Promise<Settled> {
	return photos.readOriginal(id).then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error })
	);
}

/**
 * The CRC of what goes into the archive, from the original's stored CRC: the same bytes keep
 * it; the original with one segment spliced in (EXIF, see jpegWithExif) gets it derived
 * without reading the photo again. Anything else: undefined, and the writer computes it.
 */
export function crcOf(data: Uint8Array | readonly Uint8Array[], original: Uint8Array, crcOriginal: number): number | undefined {
	if (data === original) return crcOriginal;
	const parts = data as readonly Uint8Array[];
	const spliced = parts.filter((p) => p.buffer !== original.buffer);
	if (spliced.length > 1) return undefined;
	// Every other part must be the original's next bytes, in order, ending at its end.
	let at = original.byteOffset;
	let before = 0;
	for (const p of parts) {
		if (p === spliced[0]) {
			before = at - original.byteOffset;
			continue;
		}
		if (p.byteOffset !== at) return undefined;
		at += p.length;
	}
	if (at !== original.byteOffset + original.length) return undefined;
	// The original's bytes in order, nothing added (a JPEG left as it was).
	if (!spliced.length) return crcOriginal;
	const head = original.subarray(0, before);
	return crc32AfterInsert(crcOriginal, crc32(head), crc32([head, spliced[0]]), original.length - before);
}

/** Photos whose bytes have gone meanwhile (deleted in another tab) are left out. */
async function* entries(job: ZipJob, run: ZipRun): AsyncGenerator<ZipEntry> {
	const encoder = new TextEncoder();
	for (const [name, text] of Object.entries(job.extra ?? {})) {
		yield { name, lastModified: Date.now(), data: encoder.encode(text) };
	}
	const { files } = job;
	const reads: Promise<Settled>[] = [];
	let next = 0;
	const fill = () => {
		while (reads.length < READ_AHEAD && next < files.length) reads.push(startRead(files[next++].meta.id));
	};
	for (let i = 0; i < files.length; i++) {
		run.signal.throwIfAborted();
		fill();
		const read = await reads.shift()!;
		if (!read.ok) throw read.error;
		const { meta, name, thumbnail } = files[i];
		const original = read.value;
		if (original) {
			const bytes = new Uint8Array(original.data);
			const data =
				job.exif && original.type === 'image/jpeg'
					? jpegWithExif(bytes, { takenAt: meta.takenAt, camera: meta.camera, width: meta.width, height: meta.height })
					: bytes;
			const crc = original.crc === undefined ? undefined : crcOf(data, bytes, original.crc);
			yield { name, lastModified: meta.takenAt, data, crc };
		}
		const thumb = thumbnail && (await photos.getThumbnails([meta.id]))[0];
		if (thumbnail && thumb) yield { name: thumbnail, lastModified: meta.takenAt, data: new Uint8Array(thumb.data) };
		run.onProgress?.(i + 1);
	}
}

/** The archive as a byte stream; it errors with AbortError once `run.signal` aborts. */
export function zipPhotos(job: ZipJob, run: ZipRun): ReadableStream<Uint8Array> {
	return zipStream(entries(job, run), { signal: run.signal });
}
