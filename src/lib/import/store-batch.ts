/**
 * Photos taken in, stored in batches: one transaction for up to MAX_PHOTOS photos or MAX_BYTES of
 * originals, or whatever came in the last FLUSH_MS. When a batch fails, its photos are stored one
 * by one: each that can be is kept, and once storage is found full the rest are not tried.
 */
import { isQuotaError } from '$lib/photos/write';
import type { ImportOutcome } from '$lib/photos/imported';
import type { ImportedPhoto } from '$lib/photos/types';

const MAX_PHOTOS = 64;
const MAX_BYTES = 16 * 1024 * 1024;
const FLUSH_MS = 150;

interface Waiting {
	photo: ImportedPhoto;
	resolve(o: ImportOutcome): void;
	reject(e: unknown): void;
}

export class StoreBatch {
	#items: Waiting[] = [];
	#bytes = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#writing: Promise<void> = Promise.resolve();

	constructor(private write: (batch: readonly ImportedPhoto[]) => Promise<ImportOutcome[]>) {}

	/** Stores the photo with the next batch; resolves once that batch has committed. */
	add(photo: ImportedPhoto): Promise<ImportOutcome> {
		return new Promise<ImportOutcome>((resolve, reject) => {
			this.#items.push({ photo, resolve, reject });
			this.#bytes += photo.meta.size;
			if (this.#items.length >= MAX_PHOTOS || this.#bytes >= MAX_BYTES) this.flush();
			else this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS);
		});
	}

	/** Writes what is waiting now; resolves when every batch so far has been written. */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const items = this.#items;
		this.#items = [];
		this.#bytes = 0;
		if (items.length) this.#writing = this.#writing.then(() => this.#store(items));
		return this.#writing;
	}

	/** Drops what is waiting (an import stopped): those photos are not stored. */
	drop(reason: unknown): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#items.splice(0).forEach((w) => w.reject(reason));
		this.#bytes = 0;
	}

	async #store(items: Waiting[]): Promise<void> {
		try {
			const outcomes = await this.write(items.map((w) => w.photo));
			items.forEach((w, i) => w.resolve(outcomes[i]));
			return;
		} catch (e) {
			if (items.length === 1) {
				items[0].reject(e);
				return;
			}
		}
		// One photo the batch could not take (storage full, or one the browser refused) must not
		// take the others with it: one by one, up to the first that finds storage full.
		for (const [i, w] of items.entries()) {
			try {
				w.resolve((await this.write([w.photo]))[0]);
			} catch (e) {
				if (!isQuotaError(e)) {
					w.reject(e);
					continue;
				}
				for (const rest of items.slice(i)) rest.reject(e);
				return;
			}
		}
	}
}
