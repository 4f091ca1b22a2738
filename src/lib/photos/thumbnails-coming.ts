/**
 * Thumbnails of photos just saved, still being made (in idle time, after the save): a view that
 * wants one meanwhile waits for it rather than decoding the photo a second time.
 */
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';
import type { StoredThumbnail } from './types';

/** An encoded thumbnail as it is stored (bytes, for every engine: see StoredOriginal). */
export async function storedThumbnail(id: string, t: EncodedThumbnail): Promise<StoredThumbnail> {
	return { id, data: await t.blob.arrayBuffer(), type: t.blob.type, width: t.width, height: t.height };
}

export class ThumbnailsComing {
	#jobs = new Map<string, Promise<StoredThumbnail | undefined>>();
	#store: (thumb: StoredThumbnail) => Promise<void>;

	constructor(store: (thumb: StoredThumbnail) => Promise<void>) {
		this.#store = store;
	}

	/** The photo's thumbnail is on its way: it is stored when it comes. */
	add(id: string, made: Promise<EncodedThumbnail | undefined>): void {
		const job = made
			.then(async (t) => {
				if (!t) return undefined;
				const thumb = await storedThumbnail(id, t);
				await this.#store(thumb);
				return thumb;
			})
			.catch((e: unknown) => {
				// The gallery makes missing thumbnails itself; the photo is safe either way.
				console.warn('Thumbnail deferred to the gallery:', e);
				return undefined;
			})
			.finally(() => this.#jobs.delete(id));
		this.#jobs.set(id, job);
	}

	/** The thumbnail being made for this photo (undefined once stored, or if none is coming). */
	get(id: string): Promise<StoredThumbnail | undefined> | undefined {
		return this.#jobs.get(id);
	}
}
