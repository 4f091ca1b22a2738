/**
 * Photos as one ZIP, made one of two ways from the same entries. Where originals are stored as
 * Blobs, as a Blob the browser joins from them (zipPhotosBlob): only a JPEG's first kilobytes
 * are read (for EXIF), and a photo saved too recently to have its CRC yet. Where they are
 * bytes (WebKit, older photos), as a stream whose entries are produced one at a time as the
 * archive is read, so memory holds a few photos, never the archive (zipPhotos); that runs in the
 * service worker (which streams it straight into a download) or, where no worker controls the
 * page, in the page itself. Loaded on demand.
 */
import type { StoredOriginal } from '$lib/photos/db';
import { photos } from '$lib/photos/repository';
import type { PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import { exifInfoOf, exportParts, type ExportEdit } from './exif';
import type { ZipFile } from './filename';
import { zipBlob, zipStream, type ZipBlobEntry, type ZipEntry } from './zip-writer';
import { crc32, crcOf, crcOfBytes } from '$lib/checksums/crc32';
import { crc32ReplacePrefix } from '$lib/checksums/crc-combine';

export type { ZipFile };

/** What goes into an archive: plain data, so it can be posted to the service worker. */
export interface ZipJob {
	files: ZipFile[];
	/** Add EXIF to JPEGs (export); a backup keeps the stored bytes exactly. */
	exif: boolean;
	/** Extra text entries written first (the backup manifest's JSON), keyed by file name. */
	extra?: Record<string, string>;
	/** Extra files written after them (a backup's overlays), keyed by file name. */
	attachments?: Record<string, Blob>;
}

export interface ZipRun {
	signal: AbortSignal;
	/** Called as each photo goes into the archive: how many so far. */
	onProgress?: (done: number) => void;
	/**
	 * Called for a photo left out of a streamed archive because the browser cannot read its
	 * stored bytes (the file behind a stored Blob has gone): the others are still exported.
	 * (The joined archive rejects with NotReadableError instead, and is streamed again.)
	 */
	onUnreadable?: (id: string) => void;
}

/** The error a browser gives for a stored Blob whose file it cannot read. */
const isUnreadable = (e: unknown) => e instanceof DOMException && (e.name === 'NotReadableError' || e.name === 'NotFoundError');

/**
 * How many photos are prepared at a time (read from IndexedDB in one transaction, their first
 * bytes read for EXIF together); the next batch is read while one is written. A streamed
 * archive holds two batches of photos' bytes at most, so its batches are small; the Blob
 * archive holds handles only, and each round trip to the browser costs the same for 1 or 32
 * (measured: 8 a batch gave 167 MB/s, 32 gave 192-198).
 */
const STREAM_BATCH = 4;
const BLOB_BATCH = 32;

/** One file on its way into an archive: its bytes as parts, and its CRC where it is known. */
interface Prepared {
	name: string;
	lastModified: number;
	parts: (Uint8Array<ArrayBuffer> | Blob)[];
	crc?: number;
	/** The photo it belongs to (not for a manifest). */
	photo?: PhotoMeta;
}

/**
 * The CRC of a photo as exported, from the one stored with it: the same bytes keep it; a JPEG
 * whose first bytes were replaced (EXIF spliced in, see planExif) gets it derived from the
 * old and new first bytes, without reading the rest.
 */
export function exportedCrc(crcOriginal: number, edit: ExportEdit | undefined): number {
	if (!edit) return crcOriginal;
	return crc32ReplacePrefix(crcOriginal, crc32(edit.from), crc32(edit.to), edit.restLength);
}

/** How an archive is made: joined by the browser from Blobs, or streamed as bytes. */
type Mode = 'blob' | 'stream';

/** A photo's entries: its original as exported (unless gone) and, for a backup, its thumbnail. */
async function preparePhoto(
	file: ZipFile,
	original: StoredOriginal | undefined,
	thumb: StoredThumbnail | undefined,
	exif: boolean,
	mode: Mode,
	run: ZipRun
): Promise<Prepared[]> {
	const { meta, name, thumbnail } = file;
	const out: Prepared[] = [];
	if (original) {
		try {
			out.push(await prepareOriginal(file, original, exif, mode));
		} catch (e) {
			// Joined, an unreadable part may also mean the browser is out of room for the
			// joined archive (a private window keeps it in memory): the stream, which holds
			// nothing, tells a photo that is really gone.
			if (mode === 'blob' || !isUnreadable(e)) throw e;
			run.onUnreadable?.(meta.id);
			return [];
		}
	}
	if (thumbnail && thumb) out.push({ name: thumbnail, lastModified: meta.takenAt, parts: [new Uint8Array(thumb.data)], photo: meta });
	return out;
}

/** A photo's original as it goes into the archive (see preparePhoto). */
async function prepareOriginal(file: ZipFile, original: StoredOriginal, exif: boolean, mode: Mode): Promise<Prepared> {
	const { meta, name } = file;
	const info = exifInfoOf(meta);
	const { data } = original;
	const prepared = exif
		? await exportParts(data, original.type, info)
		: { parts: [data instanceof Blob ? data : new Uint8Array(data)], edit: undefined };
	let parts = prepared.parts;
	let crc = original.crc === undefined ? undefined : exportedCrc(original.crc, prepared.edit);
	if (mode === 'blob') {
		if (data instanceof Blob) {
			// Every stored Blob is read from once (a JPEG's first bytes for EXIF, else one
			// byte): one whose file has gone fails here, not in the browser's download later.
			if (!exif || original.type !== 'image/jpeg') await data.slice(0, 1).arrayBuffer();
		} else {
			// Bytes (a photo stored before Blobs were used): the CRC while they are here, then
			// handed to the browser at once, so the archive holds no photo's bytes in the heap.
			crc = crcOfBytes(parts as Uint8Array[], crc);
			parts = [new Blob(parts)];
		}
	}
	return { name, lastModified: meta.takenAt, parts, crc, photo: meta };
}

/** A batch of photos' entries: one IndexedDB transaction for the batch, their EXIF worked out together. */
async function prepareBatch(files: readonly ZipFile[], exif: boolean, mode: Mode, run: ZipRun): Promise<{ entries: Prepared[][]; bytes: boolean }> {
	const ids = files.map((f) => f.meta.id);
	const [originals, thumbs] = await Promise.all([
		photos.readOriginals(ids),
		files.some((f) => f.thumbnail) ? photos.getThumbnails(ids) : []
	]);
	return {
		entries: await Promise.all(files.map((f, i) => preparePhoto(f, originals[i], thumbs[i], exif, mode, run))),
		bytes: originals.some((o) => o && !(o.data instanceof Blob))
	};
}

type Settled = { ok: true; value: { entries: Prepared[][]; bytes: boolean } } | { ok: false; error: unknown };

/** Starts a batch, its failure kept for later, so one never awaited is never unhandled. */
function startBatch(files: readonly ZipFile[], exif: boolean, mode: Mode, run: ZipRun): Promise<Settled> {
	return prepareBatch(files, exif, mode, run).then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error })
	);
}

/** Photos whose bytes have gone meanwhile (deleted in another tab) are left out. */
async function* prepared(job: ZipJob, run: ZipRun, mode: Mode): AsyncGenerator<Prepared> {
	const encoder = new TextEncoder();
	for (const [name, text] of Object.entries(job.extra ?? {})) {
		yield { name, lastModified: Date.now(), parts: [encoder.encode(text)] };
	}
	for (const [name, blob] of Object.entries(job.attachments ?? {})) {
		// Small files (an overlay): read once here, for the stream and for their CRC alike.
		yield { name, lastModified: Date.now(), parts: [new Uint8Array(await blob.arrayBuffer())] };
	}
	const { files } = job;
	// Photos stored as bytes come into the heap whole: the first batch is small, and batches
	// grow only while none holds bytes, so a few photos' bytes are held at a time at most.
	let size = STREAM_BATCH;
	let start = 0;
	let end = Math.min(files.length, size);
	let pending = start < end ? startBatch(files.slice(start, end), job.exif, mode, run) : undefined;
	while (pending) {
		run.signal.throwIfAborted();
		const done = await pending;
		if (!done.ok) throw done.error;
		size = mode === 'blob' && !done.value.bytes ? BLOB_BATCH : STREAM_BATCH;
		const nextEnd = Math.min(files.length, end + size);
		// The next batch is read while this one is written.
		pending = end < nextEnd ? startBatch(files.slice(end, nextEnd), job.exif, mode, run) : undefined;
		for (const [i, entries] of done.value.entries.entries()) {
			yield* entries;
			run.onProgress?.(start + i + 1);
		}
		start = end;
		end = nextEnd;
	}
}

/** Parts as bytes: a Blob among them is read (the streamed archive passes bytes on). */
async function asBytes(parts: readonly (Uint8Array<ArrayBuffer> | Blob)[]): Promise<Uint8Array<ArrayBuffer>[]> {
	return Promise.all(parts.map(async (p) => (p instanceof Blob ? new Uint8Array(await p.arrayBuffer()) : p)));
}

async function* streamEntries(job: ZipJob, run: ZipRun): AsyncGenerator<ZipEntry> {
	let unreadable: PhotoMeta | undefined;
	for await (const e of prepared(job, run, 'stream')) {
		if (e.photo && e.photo === unreadable) continue; // its thumbnail
		let data: Uint8Array<ArrayBuffer>[];
		try {
			data = await asBytes(e.parts);
		} catch (error) {
			if (!e.photo || !isUnreadable(error)) throw error;
			unreadable = e.photo;
			run.onUnreadable?.(e.photo.id);
			continue;
		}
		yield { name: e.name, lastModified: e.lastModified, data, crc: e.crc };
	}
}

async function* blobEntries(job: ZipJob, run: ZipRun): AsyncGenerator<ZipBlobEntry> {
	for await (const e of prepared(job, run, 'blob')) {
		// A Blob stored before CRCs were kept, or saved a moment ago, is read once for it.
		const crc = await crcOf(e.parts, e.crc);
		yield { name: e.name, lastModified: e.lastModified, parts: e.parts, crc };
	}
}

/** The archive as a byte stream; it errors with AbortError once `run.signal` aborts. */
export function zipPhotos(job: ZipJob, run: ZipRun): ReadableStream<Uint8Array> {
	return zipStream(streamEntries(job, run), { signal: run.signal });
}

/**
 * The archive as a Blob joined by the browser from the stored photos (see zipBlob): where
 * originals are stored as Blobs, no photo's bytes enter JavaScript, whatever the count.
 * Rejects with NotReadableError where the browser could not keep the joined parts (the
 * streamed archive then still works), with AbortError once `run.signal` aborts.
 */
export function zipPhotosBlob(job: ZipJob, run: ZipRun): Promise<Blob> {
	return zipBlob(blobEntries(job, run), { signal: run.signal });
}
