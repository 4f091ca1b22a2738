/**
 * The gallery's view of the collection: photo metadata newest first, kept current as photos are
 * added or deleted here or in another tab. Thumbnails are fetched per tile (see thumbnails.ts).
 */
import { onPhotoChange, type PhotoChange } from './changes';
import { photos, type PhotoRepository } from './repository';
import type { PhotoMeta, PhotoRecord } from './types';

const PAGE = 500;

function newestFirst(a: PhotoMeta, b: PhotoMeta): number {
	return b.takenAt - a.takenAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class Gallery {
	#items = $state.raw<PhotoMeta[]>([]);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	#repo: PhotoRepository;
	#unsubscribe: (() => void) | undefined;
	#loading: Promise<void> | undefined;

	constructor(repo: PhotoRepository = photos) {
		this.#repo = repo;
	}

	get items(): PhotoMeta[] {
		return this.#items;
	}
	get count(): number {
		return this.#items.length;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): string | null {
		return this.#error;
	}

	/** Starts listening for changes and loads every photo's metadata, page by page. */
	open(): () => void {
		this.#unsubscribe ??= onPhotoChange((c) => void this.#onChange(c));
		void this.reload();
		return () => this.close();
	}

	close(): void {
		this.#unsubscribe?.();
		this.#unsubscribe = undefined;
	}

	reload(): Promise<void> {
		this.#loading ??= this.#loadAll().finally(() => (this.#loading = undefined));
		return this.#loading;
	}

	async #loadAll(): Promise<void> {
		try {
			const all: PhotoMeta[] = [];
			let page = await this.#repo.page(PAGE);
			while (page.length) {
				all.push(...page);
				// Show the first page at once; the rest arrive behind it.
				if (!this.#loaded) {
					this.#items = [...all];
					this.#loaded = true;
				}
				if (page.length < PAGE) break;
				const last = page[page.length - 1];
				page = await this.#repo.page(PAGE, last);
			}
			this.#items = all;
			this.#error = null;
		} catch (e) {
			console.error(e);
			this.#error = 'The gallery could not be read. Reload the page to try again.';
		} finally {
			this.#loaded = true;
		}
	}

	async #onChange(change: PhotoChange): Promise<void> {
		if (change.type === 'deleted') {
			this.#items = this.#items.filter((p) => p.id !== change.id);
		} else if (change.type === 'added' && !this.#items.some((p) => p.id === change.id)) {
			const meta = await this.#repo.get(change.id);
			if (meta && !this.#items.some((p) => p.id === meta.id)) {
				this.#items = [...this.#items, meta].sort(newestFirst);
			}
		}
	}

	indexOf(id: string): number {
		return this.#items.findIndex((p) => p.id === id);
	}

	/** Deletes a photo and returns what Undo needs. */
	remove(id: string): Promise<PhotoRecord | undefined> {
		return this.#repo.delete(id);
	}

	restore(record: PhotoRecord): Promise<void> {
		return this.#repo.restore(record);
	}
}

export const gallery = new Gallery();
