/**
 * The only code that touches IndexedDB. Capture, gallery and export go through this.
 */
import type { IDBPDatabase } from 'idb';
import { announce } from './changes';
import { crc32 } from '$lib/export/zip-writer';
import { blobsKeptSafely, openBoothDB, storedBytes, type BoothDB, type StoredOriginal } from './db';
import { newPhotoId } from './ids';
import type { NewPhoto, PageCursor, PhotoMeta, PhotoRecord, StoredThumbnail } from './types';

/** A photo to bring in whole from a backup or a file: its metadata is kept as given. */
export interface ImportedPhoto {
	meta: PhotoMeta;
	data: ArrayBuffer;
	/** Its thumbnail, when the backup carried one (saves decoding the original again). */
	thumbnail?: StoredThumbnail;
}

/** True when a write failed because the origin's storage quota is used up. */
export function isQuotaError(e: unknown): boolean {
	if (!(e instanceof DOMException || e instanceof Error)) return false;
	// Chromium reports it on the request; a transaction it aborted reports AbortError with the cause.
	return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(e.message);
}

export { newPhotoId };

/**
 * The device has no room for this photo. It carries the photo, so the person can download it
 * at once instead of losing it.
 */
export class StorageFullError extends Error {
	readonly photo: NewPhoto;
	constructor(photo: NewPhoto, options?: { cause?: unknown }) {
		super('There is no space left on this device for photos.', options);
		this.name = 'StorageFullError';
		this.photo = photo;
	}
}

/** How long saving must be quiet before the CRCs of photos just saved are worked out. */
const CRC_AFTER_MS = 1000;

/** An idle moment of the page (a tick where there is no such thing). */
function idle(): Promise<void> {
	return new Promise((r) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 1000 }) : setTimeout(r, 0)
	);
}

/** Aborts a transaction unless it has finished already. */
function abortQuietly(tx: { abort(): void }): void {
	try {
		tx.abort();
	} catch {
		// committed or aborted already
	}
}

/**
 * Issues a transaction's writes and waits for it to commit: all or nothing. A write that throws
 * at once (a Blob the browser refuses) aborts the transaction, so the writes issued before it
 * are undone; their failures, and the transaction's, are then expected and not left unhandled.
 */
async function writeAll(
	tx: { abort(): void; done: Promise<void> },
	...writes: (() => Promise<unknown> | undefined)[]
): Promise<void> {
	const issued: Promise<unknown>[] = [];
	try {
		for (const write of writes) {
			const request = write();
			if (request) issued.push(request);
		}
		await Promise.all([...issued, tx.done]);
	} catch (e) {
		for (const request of [...issued, tx.done]) request.catch(() => {});
		abortQuietly(tx);
		throw e;
	}
}

/** An IndexedDB write that refused a Blob (WebKit in private browsing; some Safari releases). */
function isBlobRefused(e: unknown): boolean {
	if (!(e instanceof DOMException || e instanceof Error)) return false;
	// WebKit says "Error preparing Blob/File data…" with UnknownError; taken broadly, since
	// trying again with bytes costs nothing where the Blob was not the cause.
	return e.name === 'DataCloneError' || e.name === 'UnknownError';
}

export interface RepositoryOptions {
	/** Store originals as Blobs (default: where the browser keeps them safely, see blobsKeptSafely). */
	blobs?: boolean;
}

export class PhotoRepository {
	#db: Promise<IDBPDatabase<BoothDB>> | undefined;
	#blobs: boolean;

	constructor(options: RepositoryOptions = {}) {
		this.#blobs = options.blobs ?? blobsKeptSafely();
	}

	/**
	 * Whether new originals are stored as Blobs, which an export can hand to the browser without
	 * reading them (see zip.ts). Turns false for the session if a Blob write is refused.
	 */
	get storesBlobs(): boolean {
		return this.#blobs;
	}

	/** Bytes or a Blob as a Blob of this type (a Blob is re-typed without copying its bytes). */
	#asBlob(data: ArrayBuffer | Blob, type: string): Blob {
		return data instanceof Blob && data.type === type ? data : new Blob([data], { type });
	}

	/** Photos saved as Blobs whose CRC-32 is still to be worked out (see add). */
	#crcQueue = new Map<string, Blob>();
	#crcTimer: ReturnType<typeof setTimeout> | undefined;
	#crcFilling: Promise<void> | undefined;

	/** When the last photo was saved (performance.now()). */
	#lastSave = -Infinity;

	/** Works the CRC out once saving has been quiet for a moment: a burst is not slowed by it. */
	#queueCrc(id: string, blob: Blob): void {
		this.#crcQueue.set(id, blob);
		this.#lastSave = performance.now();
		this.#armCrcTimer();
	}

	#armCrcTimer(): void {
		clearTimeout(this.#crcTimer);
		this.#crcTimer = setTimeout(() => void this.#fillCrcs(), CRC_AFTER_MS);
	}

	async #fillCrcs(): Promise<void> {
		if (this.#crcFilling) return this.#crcFilling;
		this.#crcFilling = (async () => {
			for (const [id, blob] of this.#crcQueue) {
				// Shooting again: its saves come first (they share the store); go on when it is quiet.
				if (!this.#flushing && performance.now() - this.#lastSave < CRC_AFTER_MS) {
					this.#armCrcTimer();
					break;
				}
				this.#crcQueue.delete(id);
				try {
					await idle();
					const crc = crc32(new Uint8Array(await blob.arrayBuffer()));
					const tx = (await this.#open()).transaction('originals', 'readwrite');
					tx.done.catch(() => {}); // a failure is reported below, once
					const o = await tx.store.get(id);
					// Unless it was deleted or replaced meanwhile.
					if (o && o.crc === undefined && o.data instanceof Blob && o.data.size === blob.size) await tx.store.put({ ...o, crc });
					await tx.done;
				} catch (e) {
					// An export works a missing CRC out itself: nothing is lost but a little speed.
					console.warn('Could not store a photo’s checksum:', e);
				}
			}
		})();
		try {
			await this.#crcFilling;
		} finally {
			this.#crcFilling = undefined;
		}
	}

	/** Resolves once the CRCs of the photos saved so far are stored (tests, and before closing). */
	async settled(): Promise<void> {
		clearTimeout(this.#crcTimer);
		await this.#crcFilling;
		this.#flushing = true;
		try {
			await this.#fillCrcs();
		} finally {
			this.#flushing = false;
		}
	}

	/** settled() is draining the queue: no waiting for quiet. */
	#flushing = false;

	/**
	 * Runs a write of an original; if the browser refuses its Blob, stores the bytes instead
	 * (and from then on), so the photo is kept either way.
	 */
	async #writeOriginal<T>(write: (asBlobs: boolean) => Promise<T>): Promise<T> {
		const asBlobs = this.#blobs;
		try {
			return await write(asBlobs);
		} catch (e) {
			if (!asBlobs || !isBlobRefused(e)) throw e;
			console.warn('This browser refused a photo as a Blob; storing photos as bytes from now on.', e);
			this.#blobs = false;
			return write(false);
		}
	}

	#open(): Promise<IDBPDatabase<BoothDB>> {
		this.#db ??= openBoothDB({ onVersionChange: () => (this.#db = undefined) }).catch((e) => {
			this.#db = undefined;
			throw e;
		});
		return this.#db;
	}

	/**
	 * Saves a photo: metadata and original in one transaction, so a photo is either whole or
	 * absent. Stored as the encoder's Blob, its CRC-32 is worked out after the save, off the
	 * shutter's path; stored as bytes (see StoredOriginal), they are read first, CRC and all,
	 * before the transaction opens (one that waits on anything but IndexedDB commits early).
	 */
	async add(photo: NewPhoto): Promise<PhotoMeta> {
		const type = photo.blob.type || 'application/octet-stream';
		const meta: PhotoMeta = {
			id: photo.id ?? newPhotoId(),
			takenAt: photo.takenAt ?? Date.now(),
			width: photo.width,
			height: photo.height,
			type,
			size: photo.blob.size,
			camera: photo.camera,
			favorite: photo.favorite ? 1 : 0
		};
		let stored: Blob | undefined;
		await this.#writeOriginal(async (asBlobs) => {
			const bytes = asBlobs ? undefined : await photo.blob.arrayBuffer();
			// Stored with the bytes, so an export never has to read them for it (about 0.6 ms a
			// camera photo here; an export spent a fifth of its time on it).
			const crc = bytes && crc32(new Uint8Array(bytes));
			const data = bytes ?? this.#asBlob(photo.blob, type);
			const db = await this.#open();
			const tx = db.transaction(['photos', 'originals'], 'readwrite');
			try {
				await writeAll(
					tx,
					() => tx.objectStore('photos').add(meta),
					() => tx.objectStore('originals').add({ id: meta.id, data, type, crc })
				);
			} catch (e) {
				// The transaction aborted as a whole: nothing half-saved is left behind.
				if (isQuotaError(e) || isQuotaError(tx.error)) {
					throw new StorageFullError({ ...photo, id: meta.id, takenAt: meta.takenAt }, { cause: e });
				}
				throw e;
			}
			stored = data instanceof Blob ? data : undefined;
		});
		if (stored) this.#queueCrc(meta.id, stored);
		announce({ type: 'added', id: meta.id });
		return meta;
	}

	async get(id: string): Promise<PhotoMeta | undefined> {
		return (await this.#open()).get('photos', id);
	}

	/** The original bytes as a Blob of the stored type. */
	async getOriginal(id: string): Promise<Blob | undefined> {
		const o = await (await this.#open()).get('originals', id);
		if (!o) return undefined;
		return o.data instanceof Blob && o.data.type === o.type ? o.data : new Blob([o.data], { type: o.type });
	}

	/** The original as stored: a Blob or bytes, its type and CRC (export works from these). */
	async readOriginal(id: string): Promise<StoredOriginal | undefined> {
		return (await this.#open()).get('originals', id);
	}

	/** Several originals as stored, in one transaction, in the order asked (undefined where gone). */
	async readOriginals(ids: readonly string[]): Promise<(StoredOriginal | undefined)[]> {
		const tx = (await this.#open()).transaction('originals');
		return Promise.all(ids.map((id) => tx.store.get(id)));
	}

	/**
	 * Moves originals stored as bytes (before Blobs were used, see StoredOriginal) to Blobs,
	 * with their CRC-32 where they lacked one, so an export hands them on without reading them.
	 * A few at a time, each in its own transaction (a photo is rewritten whole or not at all),
	 * with `pause` awaited between them; stops when `signal` aborts, to go on another time.
	 * Does nothing where Blobs are not kept safely. Returns how many it moved.
	 */
	async upgradeOriginals(opts: { signal?: AbortSignal; pause?: () => Promise<void>; batch?: number } = {}): Promise<number> {
		const { signal, pause, batch = 4 } = opts;
		let moved = 0;
		let after: string | undefined;
		while (this.#blobs && !signal?.aborted) {
			const db = await this.#open();
			const tx = db.transaction('originals', 'readwrite');
			tx.done.catch(() => {}); // its failure reaches the caller through the awaits below
			let cursor = await tx.store.openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
			let rewritten = 0;
			// Photos already moved are only looked at: a bounded number per transaction all the same.
			for (let seen = 0; cursor && rewritten < batch && seen < 64; seen++) {
				const o = cursor.value;
				after = o.id;
				if (!(o.data instanceof Blob)) {
					const crc = o.crc ?? crc32(new Uint8Array(o.data));
					try {
						await cursor.update({ ...o, data: new Blob([o.data], { type: o.type }), crc });
					} catch (e) {
						abortQuietly(tx);
						if (!isBlobRefused(e)) throw e;
						this.#blobs = false; // this browser will not keep them: leave every photo as it is
						return moved;
					}
					rewritten++;
				}
				cursor = await cursor.continue();
			}
			await tx.done;
			moved += rewritten;
			if (!cursor) break;
			await pause?.();
		}
		return moved;
	}

	async getThumbnail(id: string): Promise<Blob | undefined> {
		const t = await (await this.#open()).get('thumbnails', id);
		return t && new Blob([t.data], { type: t.type });
	}

	/** The ids of the photos that have a stored thumbnail. */
	async thumbnailIds(): Promise<Set<string>> {
		return new Set(await (await this.#open()).getAllKeys('thumbnails'));
	}

	/** Several stored thumbnails in one transaction, in the order asked. */
	async getThumbnails(ids: readonly string[]): Promise<(StoredThumbnail | undefined)[]> {
		const tx = (await this.#open()).transaction('thumbnails');
		return Promise.all(ids.map((id) => tx.store.get(id)));
	}

	/** Stores a thumbnail, unless the photo was deleted meanwhile. */
	async putThumbnail(thumb: StoredThumbnail, opts: { quiet?: boolean } = {}): Promise<void> {
		const db = await this.#open();
		const tx = db.transaction(['photos', 'thumbnails'], 'readwrite');
		const exists = await tx.objectStore('photos').getKey(thumb.id);
		if (exists !== undefined) await tx.objectStore('thumbnails').put(thumb);
		await tx.done;
		if (exists !== undefined && !opts.quiet) announce({ type: 'thumbnail', id: thumb.id });
	}

	async count(): Promise<number> {
		return (await this.#open()).count('photos');
	}

	/**
	 * Up to `limit` photos, newest first, continuing after `after` when given. With
	 * `favorites`, only favourites (through their own index, so nothing else is read).
	 */
	async page(
		limit: number,
		after?: PageCursor,
		opts: { favorites?: boolean } = {}
	): Promise<PhotoMeta[]> {
		const db = await this.#open();
		const store = db.transaction('photos').store;
		const cursorP = opts.favorites
			? store
					.index('by-favorite')
					.openCursor(
						after
							? IDBKeyRange.bound([1, -Infinity, ''], [1, after.takenAt, after.id], false, true)
							: IDBKeyRange.bound([1, -Infinity, ''], [1, Infinity, []]),
						'prev'
					)
			: store
					.index('by-time')
					.openCursor(after ? IDBKeyRange.upperBound([after.takenAt, after.id], true) : undefined, 'prev');
		const out: PhotoMeta[] = [];
		let cursor = await cursorP;
		while (cursor && out.length < limit) {
			out.push(cursor.value);
			cursor = await cursor.continue();
		}
		return out;
	}

	/** The newest photo, if any. */
	async newest(): Promise<PhotoMeta | undefined> {
		return (await this.page(1))[0];
	}

	/** The photos either side of `photo` in newest-first order. */
	async neighbours(photo: PageCursor): Promise<{ newer?: PhotoMeta; older?: PhotoMeta }> {
		const db = await this.#open();
		const index = db.transaction('photos').store.index('by-time');
		const [newer, older] = await Promise.all([
			index.openCursor(IDBKeyRange.lowerBound([photo.takenAt, photo.id], true), 'next'),
			index.openCursor(IDBKeyRange.upperBound([photo.takenAt, photo.id], true), 'prev')
		]);
		return { newer: newer?.value, older: older?.value };
	}

	/**
	 * Deletes a photo from every store in one transaction and hands back everything that was
	 * stored, so the caller can offer Undo.
	 */
	async delete(id: string): Promise<PhotoRecord | undefined> {
		const db = await this.#open();
		const tx = db.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
		const [meta, original, thumbnail] = await Promise.all([
			tx.objectStore('photos').get(id),
			tx.objectStore('originals').get(id),
			tx.objectStore('thumbnails').get(id)
		]);
		if (!meta) {
			await tx.done;
			return undefined;
		}
		await Promise.all([
			tx.objectStore('photos').delete(id),
			tx.objectStore('originals').delete(id),
			tx.objectStore('thumbnails').delete(id),
			tx.done
		]);
		announce({ type: 'deleted', id });
		return { meta, original: original?.data ?? new ArrayBuffer(0), crc: original?.crc, thumbnail };
	}

	/** Several photos' metadata in one transaction, in the order asked (undefined where gone). */
	async getMany(ids: readonly string[]): Promise<(PhotoMeta | undefined)[]> {
		const tx = (await this.#open()).transaction('photos');
		return Promise.all(ids.map((id) => tx.store.get(id)));
	}

	/** Which of these ids are already taken (by a photo, or one in the trash). */
	async existing(ids: readonly string[]): Promise<Set<string>> {
		const tx = (await this.#open()).transaction(['photos', 'trash']);
		const found = await Promise.all(
			ids.map(async (id) =>
				(await tx.objectStore('photos').getKey(id)) ?? (await tx.objectStore('trash').getKey(id))
			)
		);
		return new Set(found.filter((k): k is string => k !== undefined));
	}

	/** Marks a photo as a favourite or not; returns the updated metadata. */
	async setFavorite(id: string, favorite: boolean): Promise<PhotoMeta | undefined> {
		const db = await this.#open();
		const tx = db.transaction('photos', 'readwrite');
		const meta = await tx.store.get(id);
		const updated = meta && { ...meta, favorite: favorite ? 1 : 0 } as PhotoMeta;
		if (updated) await tx.store.put(updated);
		await tx.done;
		if (updated) announce({ type: 'updated', id });
		return updated;
	}

	/**
	 * Deletes photos undoably: their metadata moves to the trash in one transaction (all or
	 * none), their bytes stay put until purge(). Returns the ids that were there to delete.
	 */
	async trash(ids: readonly string[], now = Date.now()): Promise<string[]> {
		const db = await this.#open();
		const tx = db.transaction(['photos', 'trash'], 'readwrite');
		const photosStore = tx.objectStore('photos');
		const trashStore = tx.objectStore('trash');
		const metas = await Promise.all(ids.map((id) => photosStore.get(id)));
		const moved = metas.filter((m): m is PhotoMeta => !!m);
		await Promise.all([
			...moved.flatMap((meta) => [
				trashStore.put({ meta, deletedAt: now }),
				photosStore.delete(meta.id)
			]),
			tx.done
		]);
		for (const m of moved) announce({ type: 'deleted', id: m.id });
		return moved.map((m) => m.id);
	}

	/** Undo: puts trashed photos back as they were. Returns the ids that came back. */
	async untrash(ids: readonly string[]): Promise<string[]> {
		const db = await this.#open();
		const tx = db.transaction(['photos', 'trash'], 'readwrite');
		const photosStore = tx.objectStore('photos');
		const trashStore = tx.objectStore('trash');
		const entries = (await Promise.all(ids.map((id) => trashStore.get(id)))).filter((e) => !!e);
		await Promise.all([
			...entries.flatMap((e) => [photosStore.put(e.meta), trashStore.delete(e.meta.id)]),
			tx.done
		]);
		for (const e of entries) announce({ type: 'added', id: e.meta.id });
		return entries.map((e) => e.meta.id);
	}

	/**
	 * Deletes trashed photos for good, bytes and all: those named, or (with `olderThan`) every
	 * one trashed before that time. Photos put back meanwhile are left alone.
	 */
	async purge(ids: readonly string[] | { olderThan: number }): Promise<number> {
		const db = await this.#open();
		const tx = db.transaction(['trash', 'originals', 'thumbnails'], 'readwrite');
		const trashStore = tx.objectStore('trash');
		const entries = Array.isArray(ids)
			? (await Promise.all(ids.map((id) => trashStore.get(id)))).filter((e) => !!e)
			: (await trashStore.getAll()).filter((e) => e.deletedAt < (ids as { olderThan: number }).olderThan);
		await Promise.all([
			...entries.flatMap((e) => [
				trashStore.delete(e.meta.id),
				tx.objectStore('originals').delete(e.meta.id),
				tx.objectStore('thumbnails').delete(e.meta.id)
			]),
			tx.done
		]);
		return entries.length;
	}

	/**
	 * Brings in one photo with its metadata as given (backup restore, imported files), in one
	 * transaction. A photo whose id is already here, or in the trash, is skipped, not replaced.
	 */
	async importPhoto(photo: ImportedPhoto): Promise<'added' | 'exists'> {
		const crc = crc32(new Uint8Array(photo.data));
		const db = await this.#open();
		const id = photo.meta.id;
		const result = await this.#writeOriginal(async (asBlobs) => {
			const tx = db.transaction(['photos', 'originals', 'thumbnails', 'trash'], 'readwrite');
			const [here, trashed] = await Promise.all([
				tx.objectStore('photos').getKey(id),
				tx.objectStore('trash').getKey(id)
			]);
			if (here !== undefined || trashed !== undefined) {
				await tx.done;
				return 'exists' as const;
			}
			const data = asBlobs ? this.#asBlob(photo.data, photo.meta.type) : photo.data;
			const { thumbnail } = photo;
			await writeAll(
				tx,
				() => tx.objectStore('photos').add(photo.meta),
				() => tx.objectStore('originals').add({ id, data, type: photo.meta.type, crc }),
				() => thumbnail && tx.objectStore('thumbnails').put({ ...thumbnail, id })
			);
			return 'added' as const;
		});
		if (result === 'added') announce({ type: 'added', id });
		return result;
	}

	/** Puts a deleted photo back exactly as it was (Undo). */
	async restore(record: PhotoRecord): Promise<void> {
		// Put back as it was, as a Blob where bytes are no longer how photos are kept; a CRC
		// missing there is computed now (before the transaction opens: one that waits on
		// anything but IndexedDB commits early).
		const original = record.original;
		const crc = record.crc ?? crc32(new Uint8Array(await storedBytes(original)));
		const db = await this.#open();
		await this.#writeOriginal(async (asBlobs) => {
			// Read before the transaction opens, where a Blob must go back as bytes.
			const data = asBlobs ? this.#asBlob(original, record.meta.type) : await storedBytes(original);
			const tx = db.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
			const { thumbnail } = record;
			await writeAll(
				tx,
				() => tx.objectStore('photos').put(record.meta),
				() => tx.objectStore('originals').put({ id: record.meta.id, data, type: record.meta.type, crc }),
				() => thumbnail && tx.objectStore('thumbnails').put(thumbnail)
			);
		});
		announce({ type: 'added', id: record.meta.id });
	}

	/** Closes the connection (tests, and before deleting the database). */
	async close(): Promise<void> {
		// CRCs still to be worked out are left to the export (which works a missing one out).
		clearTimeout(this.#crcTimer);
		this.#crcQueue.clear();
		const db = this.#db;
		this.#db = undefined;
		(await db)?.close();
	}
}

/** The app's one repository. */
export const photos = new PhotoRepository();
