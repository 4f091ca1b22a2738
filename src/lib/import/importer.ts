/**
 * Import: Photo Booth backups (ZIP + manifest.json), other ZIPs of images, and plain image
 * files. Every photo is written whole or not at all (photo files several to a transaction, in the
 * import workers: see intake-pool.ts); what cannot be imported is reported per file with a
 * reason, and nothing else changes for it. Loaded on demand.
 */
import { BlobReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { isQuotaError, photos as repo } from '$lib/photos/repository';
import type { EventRecord } from '$lib/event/setup';
import type { PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import { manifestEntry, restoreBackup } from '$lib/backup/restore';
import { FileRejected as Rejected, type FileProblem } from '$lib/file-intake';
import { mediaSize, UnreadableMediaError } from '$lib/pixels/media';
import { isPhotoTime } from '$lib/time';
import { contentId, DAMAGED, NOT_OURS } from './intake';
import { sniff } from '$lib/pixels/sniff';
import { IntakePool, type Taken } from './intake-pool';
import { StoreBatch } from './store-batch';
import { readEntry } from './entry';


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

export { contentId };

/** Reads a picture's size (and a video's length) by decoding or playing it, which also proves it is not damaged. */
async function imageSize(data: ArrayBuffer, type: string): Promise<{ width: number; height: number; duration?: number }> {
	try {
		return await mediaSize(data, type);
	} catch (e) {
		throw new Rejected(e instanceof UnreadableMediaError ? e.message : DAMAGED);
	}
}

class Importer {
	report: ImportReport = { added: 0, skipped: 0, problems: [], quotaFull: false };
	#done = 0;
	#total: number;
	#workers: IntakePool | undefined;
	#batch = new StoreBatch((batch) => repo.importMany(batch));
	/** Files in the workers' hands, until stored or refused. */
	#inHand = new Set<Promise<void>>();
	/** Archives and videos, handled one at a time once the photos before them are in. */
	#afterwards: { name: string; run: () => Promise<void> }[] = [];

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

	/** A video (a file, or an entry of an archive): read by the page's own player. */
	async #video(file: Blob, type: string, lastModified: number): Promise<void> {
		const data = await file.arrayBuffer();
		const { width, height, duration } = await imageSize(data, type);
		const takenAt = isPhotoTime(lastModified) && lastModified > 0 ? lastModified : Date.now();
		const meta: PhotoMeta = {
			id: await contentId(data),
			takenAt,
			width,
			height,
			type,
			size: data.byteLength,
			camera: '',
			favorite: 0,
			kind: 'video',
			...(duration ? { duration } : {})
		};
		await this.#store(meta, data);
	}

	get #pool(): IntakePool {
		return (this.#workers ??= new IntakePool({
			blobs: () => repo.storesBlobs,
			storeOnPage: (photo) => this.#batch.add(photo),
			blobsRefused: () => repo.blobsRefused()
		}));
	}

	/**
	 * Hands one file, or an archive entry (with its time and size), to the import workers; it is
	 * counted once stored or refused. An archive or a video comes back to the page and is
	 * handled after the photos (see #afterwards).
	 */
	async #admit(file: Blob, name: string, entry?: { lastModified: number; bytes: number }): Promise<void> {
		await this.#pool.room(entry?.bytes);
		this.opts.signal.throwIfAborted();
		const taken = this.#pool
			.take(file, entry)
			.then(
				(r) => this.#took(r, file, name),
				(e) => {
					this.#failed(name, e);
					this.#done++;
					this.#tick();
				}
			)
			.catch((e) => this.#failed(name, e));
		this.#inHand.add(taken);
		void taken.finally(() => this.#inHand.delete(taken));
	}

	/** What became of a file: stored, refused, or to be handled on the page afterwards. */
	async #took(r: Taken, file: Blob, name: string): Promise<void> {
		let counted = true;
		try {
			if (r.kind === 'stored') {
				if (r.outcome === 'added') this.report.added++;
				else this.report.skipped++;
			} else if (r.kind === 'rejected') this.report.problems.push({ file: name, reason: r.reason });
			else {
				counted = false;
				const f = file as File;
				this.#afterwards.push({ name, run: () => (r.kind === 'zip' ? this.zip(f) : this.#video(f, r.type, f.lastModified)) });
			}
		} finally {
			if (counted) {
				this.#done++;
				this.#tick();
			}
		}
	}

	#failed(name: string, e: unknown): void {
		if (isQuotaError(e)) this.report.quotaFull = true;
		else if (e instanceof Rejected) this.report.problems.push({ file: name, reason: e.message });
		else if (!(this.opts.signal.aborted || (e instanceof DOMException && e.name === 'AbortError'))) {
			console.error('Import of', name, e);
			this.report.problems.push({ file: name, reason: 'it could not be imported' });
		}
	}

	/** Waits for every file in the workers' hands to be stored or refused; Cancel stops the wait. */
	async #settle(): Promise<void> {
		const { signal } = this.opts;
		const aborted = new Promise<never>((_, reject) => {
			const stop = () => reject(signal.reason ?? new DOMException('The import was stopped.', 'AbortError'));
			if (signal.aborted) stop();
			else signal.addEventListener('abort', stop, { once: true });
		});
		aborted.catch(() => {});
		while (this.#inHand.size) await Promise.race([Promise.all([...this.#inHand]), aborted]);
		signal.throwIfAborted();
		await this.#batch.flush();
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

	#read(entry: Entry): Promise<Uint8Array> {
		return readEntry(entry, this.opts.signal);
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
			if (this.report.quotaFull) break;
			this.opts.signal.throwIfAborted();
			const name = `${archive}: ${entry.filename}`;
			try {
				const bytes = entry.uncompressedSize ?? 0;
				await this.#pool.room(bytes);
				const data = (await this.#read(entry)) as Uint8Array<ArrayBuffer>;
				const lastModified = entry.lastModDate?.getTime() ?? 0;
				// Looked at here: a video is stored now, on the page, one at a time (its bytes are in
				// memory); an archive inside an archive is not taken; a photo goes to the workers.
				const kind = sniff(data.subarray(0, 16));
				if (kind === 'zip') throw new Rejected(NOT_OURS);
				if (kind?.startsWith('video/')) {
					try {
						await this.#video(new Blob([data], { type: kind }), kind, lastModified);
					} catch (e) {
						if (!(e instanceof Rejected)) throw e;
						this.report.problems.push({ file: name, reason: e.message });
					} finally {
						this.#done++;
						this.#tick();
					}
					continue;
				}
				await this.#admit(new Blob([data]), name, { lastModified, bytes });
			} catch (e) {
				if (!(e instanceof Rejected)) throw e;
				this.report.problems.push({ file: name, reason: e.message });
				this.#done++;
				this.#tick();
			}
		}
		await this.#settle();
	}

	async run(files: readonly File[]): Promise<ImportReport> {
		this.#tick();
		try {
			for (const file of files) {
				if (this.report.quotaFull) break;
				this.opts.signal.throwIfAborted();
				await this.#admit(file, file.name);
			}
			await this.#settle();
			for (const later of this.#afterwards) {
				if (this.report.quotaFull) break;
				this.opts.signal.throwIfAborted();
				try {
					await later.run();
				} catch (e) {
					this.#failed(later.name, e);
					if (this.opts.signal.aborted) throw e;
				} finally {
					this.#done++;
					this.#tick();
				}
			}
		} finally {
			this.#workers?.close();
			this.#batch.drop(new DOMException('The import was stopped.', 'AbortError'));
		}
		this.report.problems = inFileOrder(this.report.problems, files);
		return this.report;
	}
}

/**
 * Problems in the order of the files chosen (they are found several at a time, in any order); an
 * archive's own ("archive.zip: entry") under the archive, in the order found.
 */
function inFileOrder(problems: ImportProblem[], files: readonly File[]): ImportProblem[] {
	const at = new Map<string, number>();
	files.forEach((f, i) => at.has(f.name) || at.set(f.name, i));
	const rank = (p: ImportProblem) => at.get(p.file) ?? at.get(p.file.split(': ')[0]) ?? files.length;
	return problems
		.map((p, i) => ({ p, i }))
		.sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
		.map(({ p }) => p);
}

/**
 * Imports files, several at a time in workers, stored in batches; see ImportReport for what it
 * tells. Rejects with AbortError on cancel (what was stored by then is kept).
 */
export function importFiles(files: readonly File[], opts: ImportOptions): Promise<ImportReport> {
	return new Importer(files.length, opts).run(files);
}
