/**
 * The only code that touches IndexedDB. Capture, gallery and export go through this.
 */
import type { IDBPDatabase } from 'idb';
import { announce } from './changes';
import { openBoothDB, type BoothDB } from './db';
import type { NewPhoto, PageCursor, PhotoMeta, PhotoRecord, StoredThumbnail } from './types';

/** A new photo id: a UUID (insecure contexts, which cannot have a camera anyway, get a fallback). */
export function newPhotoId(): string {
	return 'randomUUID' in crypto
		? crypto.randomUUID()
		: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

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

function isQuotaError(e: unknown): boolean {
	const name = (e as { name?: string } | null)?.name;
	return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export class PhotoRepository {
	#db: Promise<IDBPDatabase<BoothDB>> | undefined;

	#open(): Promise<IDBPDatabase<BoothDB>> {
		this.#db ??= openBoothDB({ onVersionChange: () => (this.#db = undefined) }).catch((e) => {
			this.#db = undefined;
			throw e;
		});
		return this.#db;
	}

	/**
	 * Saves a photo: metadata and original bytes in one transaction, so a photo is either whole
	 * or absent. The Blob is read before the transaction opens (a transaction that waits on
	 * anything but IndexedDB commits early).
	 */
	async add(photo: NewPhoto): Promise<PhotoMeta> {
		const data = await photo.blob.arrayBuffer();
		const meta: PhotoMeta = {
			id: photo.id ?? newPhotoId(),
			takenAt: photo.takenAt ?? Date.now(),
			width: photo.width,
			height: photo.height,
			type: photo.blob.type || 'application/octet-stream',
			size: data.byteLength,
			camera: photo.camera
		};
		const db = await this.#open();
		const tx = db.transaction(['photos', 'originals'], 'readwrite');
		try {
			await Promise.all([
				tx.objectStore('photos').add(meta),
				tx.objectStore('originals').add({ id: meta.id, data, type: meta.type }),
				tx.done
			]);
		} catch (e) {
			// The transaction aborted as a whole: nothing half-saved is left behind.
			if (isQuotaError(e) || isQuotaError(tx.error)) {
				throw new StorageFullError({ ...photo, id: meta.id, takenAt: meta.takenAt }, { cause: e });
			}
			throw e;
		}
		announce({ type: 'added', id: meta.id });
		return meta;
	}

	async get(id: string): Promise<PhotoMeta | undefined> {
		return (await this.#open()).get('photos', id);
	}

	/** The original bytes as a Blob of the stored type. */
	async getOriginal(id: string): Promise<Blob | undefined> {
		const o = await (await this.#open()).get('originals', id);
		return o && new Blob([o.data], { type: o.type });
	}

	async getThumbnail(id: string): Promise<Blob | undefined> {
		const t = await (await this.#open()).get('thumbnails', id);
		return t && new Blob([t.data], { type: t.type });
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

	/** Up to `limit` photos, newest first, continuing after `after` when given. */
	async page(limit: number, after?: PageCursor): Promise<PhotoMeta[]> {
		const db = await this.#open();
		const range = after
			? IDBKeyRange.upperBound([after.takenAt, after.id], true)
			: undefined;
		const out: PhotoMeta[] = [];
		let cursor = await db
			.transaction('photos')
			.store.index('by-time')
			.openCursor(range, 'prev');
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
		return { meta, original: original?.data ?? new ArrayBuffer(0), thumbnail };
	}

	/** Puts a deleted photo back exactly as it was (Undo). */
	async restore(record: PhotoRecord): Promise<void> {
		const db = await this.#open();
		const tx = db.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
		const writes: Promise<unknown>[] = [
			tx.objectStore('photos').put(record.meta),
			tx.objectStore('originals').put({
				id: record.meta.id,
				data: record.original,
				type: record.meta.type
			})
		];
		if (record.thumbnail) writes.push(tx.objectStore('thumbnails').put(record.thumbnail));
		await Promise.all([...writes, tx.done]);
		announce({ type: 'added', id: record.meta.id });
	}

	/** Closes the connection (tests, and before deleting the database). */
	async close(): Promise<void> {
		const db = this.#db;
		this.#db = undefined;
		(await db)?.close();
	}
}

/** The app's one repository. */
export const photos = new PhotoRepository();
