/**
 * Import: Photo Booth backups (ZIP + manifest.json), other ZIPs of images, and plain image
 * files. Every photo is written whole in its own transaction or not at all; what cannot be
 * imported is reported per file with a reason, and nothing else changes for it. Loaded on demand.
 */
import { BlobReader, Uint8ArrayWriter, ZipReader, configure, type Entry } from '@zip.js/zip.js';
import zipWorker from '@zip.js/zip.js/dist/zip-web-worker.js?url';
import { isQuotaError, photos as repo } from '$lib/photos/repository';
import type { EventRecord } from '$lib/event/setup';
import type { PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import { manifestEntry, restoreBackup } from '$lib/backup/restore';
import { exactBuffer, FileRejected as Rejected, type FileProblem } from '$lib/file-intake';
import { sniff } from '$lib/pixels/sniff';
import { mediaSize, UnreadableMediaError } from '$lib/pixels/media';
import { isPhotoTime } from '$lib/time';
import { exifTakenAt } from './exif-date';

// Unpacking runs off the page's thread, in zip.js's own worker (28 KB, served from this origin:
// the CSP's worker-src 'self' forbids the blob: URL it would make by default), with the
// browser's DecompressionStream inside it. On the page, a 1 GiB decompression bomb froze it for
// 40 s; now the page stays free while an entry is unpacked and cut off at its cap.
configure({ useWebWorkers: true, workerURI: zipWorker, useCompressionStream: true });

export type ImportProblem = FileProblem;

export interface ImportReport {
	added: number;
	/** Already in the gallery (same id): left as they are. */
	skipped: number;
	problems: ImportProblem[];
	/** Storage ran out: the import stopped there; what was added before is kept whole. */
	quotaFull: boolean;
	/**
	 * The settings a backup held (the last one's, if several), for the person to restore if
	 * they ask: an import never changes the settings by itself.
	 */
	settings?: Record<string, unknown>;
}

export interface ImportOptions {
	signal: AbortSignal;
	/** Photos handled so far and the total known so far (archives add theirs when opened). */
	onProgress?: (done: number, total: number) => void;
}

export async function contentId(data: ArrayBuffer): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
	return `file-${[...hash.subarray(0, 16)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Reads a picture's size (and a video's length) by decoding or playing it, which also proves it is not damaged. */
async function imageSize(data: ArrayBuffer, type: string): Promise<{ width: number; height: number; duration?: number }> {
	try {
		return await mediaSize(data, type);
	} catch (e) {
		throw new Rejected(e instanceof UnreadableMediaError ? e.message : 'the image is damaged or cannot be read');
	}
}

const NOT_OURS = 'not a photo (JPEG, PNG, WebP or GIF), a video (MP4 or WebM) or a Photo Booth backup';

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

class Importer {
	report: ImportReport = { added: 0, skipped: 0, problems: [], quotaFull: false };
	#done = 0;
	#total: number;

	constructor(
		files: number,
		private opts: ImportOptions
	) {
		this.#total = files;
	}

	#tick(extraTotal = 0): void {
		this.#total += extraTotal;
		this.opts.onProgress?.(this.#done, this.#total);
	}

	async #store(meta: PhotoMeta, data: ArrayBuffer, thumbnail?: StoredThumbnail): Promise<void> {
		const result = await repo.importPhoto({ meta, data, thumbnail });
		if (result === 'added') this.report.added++;
		else this.report.skipped++;
	}

	/** One plain image (a file, or an entry of an archive without a manifest). */
	async image(data: ArrayBuffer, lastModified: number): Promise<void> {
		const type = sniff(new Uint8Array(data, 0, Math.min(16, data.byteLength)));
		if (!type || type === 'zip') throw new Rejected(NOT_OURS);
		const { width, height, duration } = await imageSize(data, type);
		// The id comes from the bytes, so importing the same file twice skips it the second time.
		const id = await contentId(data);
		// When it was taken, by its own EXIF (a camera roll keeps its dates); else the file's time
		// where it is one a photo can have (a crafted archive may say anything); else now.
		const fromExif = type === 'image/jpeg' ? await exifTakenAt(data) : undefined;
		const takenAt = fromExif ?? (isPhotoTime(lastModified) && lastModified > 0 ? lastModified : Date.now());
		const meta: PhotoMeta = {
			id,
			takenAt,
			width,
			height,
			type,
			size: data.byteLength,
			camera: '',
			favorite: 0,
			...(type.startsWith('video/') ? { kind: 'video' as const, ...(duration ? { duration } : {}) } : {})
		};
		await this.#store(meta, data);
	}

	async zip(file: File): Promise<void> {
		// Entry names are never paths here (nothing is written to a disk; a backup's entries are
		// matched by name): an odd one ("../x.jpg", "C:\\x.jpg") must not lose the whole archive.
		const reader = new ZipReader(new BlobReader(file), { filenameValidation: 'tolerant' });
		let entries: Entry[];
		try {
			entries = await reader.getEntries();
		} catch {
			throw new Rejected('not a readable ZIP archive (it may be damaged or incomplete)');
		}
		try {
			const manifest = manifestEntry(entries);
			if (manifest) await restoreBackup(file.name, manifest, entries, this.#restoreSteps());
			else await this.#imagesIn(file.name, entries);
		} finally {
			await reader.close();
		}
	}

	async #read(entry: Entry): Promise<Uint8Array> {
		if (entry.directory) throw new Rejected('a folder');
		// A decompression bomb (a small entry that unpacks to gigabytes) is refused before a byte
		// of it is unpacked: the reader would otherwise set aside its whole declared size at once.
		const size = entry.uncompressedSize ?? 0;
		if (isBomb(size, entry.compressedSize ?? 0)) throw new Rejected(tooLarge(size));
		const writer = new CappedWriter(size);
		try {
			// checkSignature: the CRC-32 is verified, so damaged bytes are never stored.
			return await entry.getData(writer, { checkSignature: true, signal: this.opts.signal });
		} catch (e) {
			if (this.opts.signal.aborted) throw e;
			if (writer.overflowed) throw new Rejected(tooLarge(writer.written));
			throw new Rejected('damaged inside the archive (its checksum does not match)');
		}
	}

	/** How a backup's photos come in: through this import's reading, storing and report. */
	#restoreSteps() {
		return {
			signal: this.opts.signal,
			read: (entry: Entry) => this.#read(entry),
			existing: (ids: readonly string[]) => repo.existing(ids),
			measure: imageSize,
			store: (meta: PhotoMeta, data: ArrayBuffer, thumbnail?: StoredThumbnail) => this.#store(meta, data, thumbnail),
			skipped: () => void this.report.skipped++,
			problem: (file: string, reason: string) => void this.report.problems.push({ file, reason }),
			progress: (more?: number) => {
				if (more === undefined) this.#done++;
				this.#tick(more);
			},
			offerSettings: (raw: Record<string, unknown>) => void (this.report.settings = raw),
			storeOverlay: async (id: string, name: string, image: Blob) => {
				const { overlays } = await import('$lib/photos/overlays');
				await overlays.add(image, name, id);
			},
			storeEvents: async (list: readonly EventRecord[]) => {
				const { events } = await import('$lib/event/event.svelte');
				events.addRecords(list);
			}
		};
	}

	async #imagesIn(archive: string, entries: Entry[]): Promise<void> {
		const files = entries.filter((e) => !e.directory);
		this.#tick(files.length);
		for (const entry of files) {
			this.opts.signal.throwIfAborted();
			try {
				const data = await this.#read(entry);
				await this.image(exactBuffer(data), entry.lastModDate?.getTime() ?? 0);
			} catch (e) {
				if (!(e instanceof Rejected)) throw e;
				this.report.problems.push({ file: `${archive}: ${entry.filename}`, reason: e.message });
			} finally {
				this.#done++;
				this.#tick();
			}
		}
	}

	async file(file: File): Promise<void> {
		const kind = sniff(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
		if (kind === 'zip') return this.zip(file);
		if (!kind) throw new Rejected(NOT_OURS);
		await this.image(await file.arrayBuffer(), file.lastModified);
	}

	async run(files: readonly File[]): Promise<ImportReport> {
		this.#tick();
		for (const file of files) {
			this.opts.signal.throwIfAborted();
			try {
				await this.file(file);
			} catch (e) {
				if (isQuotaError(e)) {
					this.report.quotaFull = true;
					break;
				}
				if (e instanceof Rejected) this.report.problems.push({ file: file.name, reason: e.message });
				else if (this.opts.signal.aborted) throw e;
				else {
					console.error('Import of', file.name, e);
					this.report.problems.push({ file: file.name, reason: 'it could not be imported' });
				}
			} finally {
				this.#done++;
				this.#tick();
			}
		}
		return this.report;
	}
}

/** Imports files one by one; see ImportReport for what it tells. Rejects with AbortError on cancel. */
export function importFiles(files: readonly File[], opts: ImportOptions): Promise<ImportReport> {
	return new Importer(files.length, opts).run(files);
}
