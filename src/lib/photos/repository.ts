/**
 * The only code that touches IndexedDB. Capture, gallery and export go through this; the jobs
 * it does are in files of their own beside it (trash, queries, originals, checksum-fill).
 */
import type { IDBPDatabase } from 'idb';
import { announce } from './changes';
import { crcOf, crcOfBytes } from '$lib/checksums/crc32';
import { ChecksumFill } from './checksum-fill';
import { isQuotaError, StorageFullError, writeAll } from './write';
import { blobsKeptSafely, openBoothDB, storedBytes, withUnsavedPhoto, type BoothDB, type StoredOriginal } from './db';
import { asBlob, moveOriginalsToBlobs, OriginalsForm, storeChecksum } from './originals';
import { writeImported, type ImportOutcome } from './imported';
import { storedThumbnail, ThumbnailsComing } from './thumbnails-coming';
import { neighboursOf, pageOf, takenIds } from './queries';
import { moveFromTrash, moveToTrash, purgeTrash } from './trash';
import { newPhotoId } from './ids';
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';
import { kindFields, type ImportedPhoto, type NewPhoto, type PageCursor, type PhotoMeta, type PhotoRecord, type StoredThumbnail } from './types';

export { newPhotoId, isQuotaError, StorageFullError, storedThumbnail };
export type { ImportedPhoto };

export interface RepositoryOptions {
	/** Store originals as Blobs (default: where the browser keeps them safely, see blobsKeptSafely). */
	blobs?: boolean;
}

export class PhotoRepository {
	#db: Promise<IDBPDatabase<BoothDB>> | undefined;
	/** Blobs or bytes: how originals are written here (see OriginalsForm). */
	#form: OriginalsForm;

	constructor(options: RepositoryOptions = {}) {
		this.#form = new OriginalsForm(options.blobs ?? blobsKeptSafely());
	}

	/**
	 * Whether new originals are stored as Blobs, which an export can hand to the browser without
	 * reading them (see zip.ts). Turns false for the session if a Blob write is refused.
	 */
	get storesBlobs(): boolean {
		return this.#form.blobs;
	}

	/** A Blob was refused elsewhere (an import worker): bytes from now on here too. */
	blobsRefused(): void {
		this.#form.refused();
	}

	/** CRC-32s of originals stored as Blobs, worked out once saving is quiet (see add). */
	#checksums = new ChecksumFill(async (id, crc, size) => storeChecksum(await this.#open(), id, crc, size));

	/** Resolves once the CRCs of the photos saved so far are stored (tests, and before closing). */
	settled(): Promise<void> {
		return this.#checksums.settled();
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
	 * A `thumbnail` still being made is stored when it comes; readers of it wait for it.
	 */
	async add(photo: NewPhoto, options: { thumbnail?: Promise<EncodedThumbnail | undefined> } = {}): Promise<PhotoMeta> {
		const type = photo.blob.type || 'application/octet-stream';
		const meta: PhotoMeta = {
			id: photo.id ?? newPhotoId(),
			takenAt: photo.takenAt ?? Date.now(),
			width: photo.width,
			height: photo.height,
			type,
			size: photo.blob.size,
			camera: photo.camera,
			favorite: photo.favorite ? 1 : 0,
			...kindFields(photo)
		};
		let stored: Blob | undefined;
		await this.#form.write(async (asBlobs) => {
			const bytes = asBlobs ? undefined : await photo.blob.arrayBuffer();
			// Stored with the bytes, so an export never has to read them for it (about 0.6 ms a
			// camera photo here; an export spent a fifth of its time on it).
			const crc = bytes && crcOfBytes(bytes, undefined);
			const data = bytes ?? asBlob(photo.blob, type);
			const db = await this.#open().catch((e: unknown) => Promise.reject(withUnsavedPhoto(e, { ...photo, id: meta.id, takenAt: meta.takenAt })));
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
		if (stored) this.#checksums.queue(meta.id, stored);
		if (options.thumbnail) this.#coming.add(meta.id, options.thumbnail);
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
	 * with their CRC-32 where they lacked one (see moveOriginalsToBlobs). Does nothing where
	 * Blobs are not kept safely, and stops storing Blobs if the browser refuses one. Returns how
	 * many it moved.
	 */
	async upgradeOriginals(opts: { signal?: AbortSignal; pause?: () => Promise<void>; batch?: number } = {}): Promise<number> {
		if (!this.#form.blobs) return 0;
		const { moved, refused } = await moveOriginalsToBlobs(() => this.#open(), opts);
		if (refused) this.#form.refused(); // this browser will not keep them: leave every photo as it is
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

	/**
	 * Several stored thumbnails in one transaction, in the order asked. One still being made
	 * for a photo just saved is waited for (see add) rather than read as missing.
	 */
	async getThumbnails(ids: readonly string[]): Promise<(StoredThumbnail | undefined)[]> {
		const coming = ids.map((id) => this.#coming.get(id));
		const tx = (await this.#open()).transaction('thumbnails');
		const stored = await Promise.all(ids.map((id, i) => (coming[i] ? undefined : tx.store.get(id))));
		return Promise.all(
			ids.map(async (id, i) => (coming[i] ? ((await coming[i]) ?? (await (await this.#open()).get('thumbnails', id))) : stored[i]))
		);
	}

	/** Thumbnails of photos just saved, still being made (see add). */
	#coming = new ThumbnailsComing((thumb) => this.putThumbnail(thumb));

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
	 * Up to `limit` photos, newest first, continuing after `after` when given; only favourites,
	 * or only one event's, when asked (see pageOf).
	 */
	async page(limit: number, after?: PageCursor, opts: { favorites?: boolean; event?: string } = {}): Promise<PhotoMeta[]> {
		return pageOf(await this.#open(), limit, after, opts);
	}

	/** The newest photo, if any. */
	async newest(): Promise<PhotoMeta | undefined> {
		return (await this.page(1))[0];
	}

	/** The photos either side of `photo` in newest-first order. */
	async neighbours(photo: PageCursor): Promise<{ newer?: PhotoMeta; older?: PhotoMeta }> {
		return neighboursOf(await this.#open(), photo);
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
		return takenIds(await this.#open(), ids);
	}

	/** Marks a photo as a favourite or not; returns the updated metadata. */
	setFavorite(id: string, favorite: boolean): Promise<PhotoMeta | undefined> {
		return this.#update(id, (meta) => ({ ...meta, favorite: favorite ? 1 : 0 }));
	}

	/** Counts `copies` more prints of a photo or strip; returns the updated metadata. */
	countPrints(id: string, copies: number): Promise<PhotoMeta | undefined> {
		return this.#update(id, (meta) => ({ ...meta, prints: (meta.prints ?? 0) + copies }));
	}

	/** Changes a photo's metadata in one transaction, and tells every view. */
	async #update(id: string, change: (meta: PhotoMeta) => PhotoMeta): Promise<PhotoMeta | undefined> {
		const tx = (await this.#open()).transaction('photos', 'readwrite');
		const meta = await tx.store.get(id);
		const updated = meta && change(meta);
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
		const moved = await moveToTrash(await this.#open(), ids, now);
		announce(moved.map((id) => ({ type: 'deleted', id })));
		return moved;
	}

	/** Undo: puts trashed photos back as they were. Returns the ids that came back. */
	async untrash(ids: readonly string[]): Promise<string[]> {
		const back = await moveFromTrash(await this.#open(), ids);
		announce(back.map((id) => ({ type: 'added', id })));
		return back;
	}

	/**
	 * Deletes trashed photos for good, bytes and all: those named, or (with `olderThan`) every
	 * one trashed before that time. Photos put back meanwhile are left alone.
	 */
	async purge(ids: readonly string[] | { olderThan: number }): Promise<number> {
		return purgeTrash(await this.#open(), ids);
	}

	/**
	 * Brings in one photo with its metadata as given (backup restore, imported files), in one
	 * transaction. A photo whose id is already here, or in the trash, is skipped, not replaced.
	 */
	async importPhoto(photo: ImportedPhoto): Promise<ImportOutcome> {
		return (await this.importMany([photo]))[0];
	}

	/** Imported photos in one transaction (see writeImported): all of them whole, or none. */
	async importMany(batch: readonly ImportedPhoto[]): Promise<ImportOutcome[]> {
		const db = await this.#open();
		const outcomes = await this.#form.write((asBlobs) => writeImported(db, asBlobs, batch));
		announce(batch.filter((_, i) => outcomes[i] === 'added').map((p) => ({ type: 'added', id: p.meta.id })));
		return outcomes;
	}

	/** Puts a deleted photo back exactly as it was (Undo). */
	async restore(record: PhotoRecord): Promise<void> {
		// Put back as it was, as a Blob where bytes are no longer how photos are kept; a CRC
		// missing there is computed now (before the transaction opens: one that waits on
		// anything but IndexedDB commits early).
		const original = record.original;
		const crc = await crcOf(original, record.crc);
		const db = await this.#open();
		await this.#form.write(async (asBlobs) => {
			// Read before the transaction opens, where a Blob must go back as bytes.
			const data = asBlobs ? asBlob(original, record.meta.type) : await storedBytes(original);
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
		this.#checksums.stop();
		const db = this.#db;
		this.#db = undefined;
		(await db)?.close();
	}
}

/** The app's one repository. */
export const photos = new PhotoRepository();
