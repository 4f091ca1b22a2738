/**
 * Photos as one streamed ZIP (client-zip): entries are produced one at a time as the archive is
 * read, so memory holds one photo, never the archive. Loaded on demand (dynamic import).
 */
import { makeZip } from 'client-zip';
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { exportBlob } from './exif';
import { uniqueNamer } from './filename';

export interface ZipOptions {
	signal: AbortSignal;
	/** Called as each photo goes into the archive: how many so far. */
	onProgress?: (done: number) => void;
	/** Add EXIF to JPEGs (export); a backup keeps the stored bytes exactly. */
	exif: boolean;
	/** Extra JSON entries written first (the backup manifest), keyed by file name. */
	extra?: Record<string, unknown>;
}

/** A photo and its name inside the archive. */
export interface ZipFile {
	meta: PhotoMeta;
	name: string;
	/** Where its stored thumbnail goes in the archive (backups), if anywhere. */
	thumbnail?: string;
}

/** Unique dated names for the photos, in list order, inside `folder` (e.g. "photos/"). */
export function nameFiles(list: readonly PhotoMeta[], folder = ''): ZipFile[] {
	const nameFor = uniqueNamer();
	return list.map((meta) => ({ meta, name: folder + nameFor(meta.takenAt, meta.type) }));
}

interface Entry {
	name: string;
	lastModified: Date;
	input: Blob;
}

/** Photos whose bytes have gone meanwhile (deleted in another tab) are left out. */
async function* entries(files: readonly ZipFile[], opts: ZipOptions): AsyncGenerator<Entry> {
	for (const [name, value] of Object.entries(opts.extra ?? {})) {
		yield { name, lastModified: new Date(), input: new Blob([JSON.stringify(value, null, '\t')], { type: 'application/json' }) };
	}
	let done = 0;
	for (const { meta, name, thumbnail } of files) {
		opts.signal.throwIfAborted();
		const original = await photos.readOriginal(meta.id);
		if (original) {
			const input = opts.exif
				? exportBlob(original.data, original.type, {
						takenAt: meta.takenAt,
						camera: meta.camera,
						width: meta.width,
						height: meta.height
					})
				: new Blob([original.data], { type: original.type });
			yield { name, lastModified: new Date(meta.takenAt), input };
		}
		const thumb = thumbnail && (await photos.getThumbnails([meta.id]))[0];
		if (thumbnail && thumb) {
			yield { name: thumbnail, lastModified: new Date(meta.takenAt), input: new Blob([thumb.data], { type: thumb.type }) };
		}
		opts.onProgress?.(++done);
	}
}

/** The archive as a byte stream; it errors with AbortError once `signal` aborts. */
export function zipPhotos(files: readonly ZipFile[], opts: ZipOptions): ReadableStream<Uint8Array> {
	return makeZip(entries(files, opts), { buffersAreUTF8: true });
}
