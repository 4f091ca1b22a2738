/**
 * Overlays for strips: transparent PNGs (a frame with a logo) a person imports once and the
 * booth draws over every strip and over the live preview. Kept in IndexedDB like photos, as
 * bytes, and carried in backups.
 */
import type { IDBPDatabase } from 'idb';
import { openBoothDB, type BoothDB, type StoredOverlay } from './db';
import { newPhotoId } from './ids';

export class Overlays {
	#db: Promise<IDBPDatabase<BoothDB>> | undefined;

	#open(): Promise<IDBPDatabase<BoothDB>> {
		this.#db ??= openBoothDB({ onVersionChange: () => (this.#db = undefined) }).catch((e) => {
			this.#db = undefined;
			throw e;
		});
		return this.#db;
	}

	/** Keeps an image as an overlay; returns its id. `id` keeps the one a backup gave it. */
	async add(image: Blob, name: string, id = newPhotoId()): Promise<string> {
		const data = await image.arrayBuffer();
		await (await this.#open()).put('overlays', { id, data, type: image.type || 'image/png', name: name.slice(0, 200) });
		return id;
	}

	/** The overlay as stored, or undefined where it is gone. */
	async get(id: string): Promise<StoredOverlay | undefined> {
		return (await this.#open()).get('overlays', id);
	}

	/** The overlay's image, or undefined. */
	async image(id: string): Promise<Blob | undefined> {
		const o = await this.get(id);
		return o && new Blob([o.data], { type: o.type });
	}

	async remove(id: string): Promise<void> {
		await (await this.#open()).delete('overlays', id);
	}

	async close(): Promise<void> {
		const db = this.#db;
		this.#db = undefined;
		(await db)?.close();
	}
}

export const overlays = new Overlays();
