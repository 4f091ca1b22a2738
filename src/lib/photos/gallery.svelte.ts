/**
 * The gallery's view of the collection: photo metadata newest first, kept current as photos are
 * added, changed or deleted here or in another tab. Thumbnails are fetched per tile
 * (thumbnails.ts) and only for tiles on screen (VirtualGrid).
 *
 * Why all metadata in memory and not lazily paged: one PhotoMeta is ~200 bytes, so 10,000
 * photos are ~2 MB, read by keyset pages on the capture-time index in well under a second. With
 * the whole list at hand the grid knows its full height and every day heading at once (the
 * scrollbar is honest from the start), Shift-range and Ctrl+A selection are index arithmetic,
 * and the favourites filter costs nothing. What does not scale (DOM nodes, decoded thumbnails,
 * object URLs) is virtualized instead: only rows near the viewport exist.
 */
import { onPhotoChange, type PhotoChange } from './changes';
import { photos, type PhotoRepository } from './repository';
import type { PhotoMeta } from './types';
import { photoTime } from '$lib/time';
import { NewerDatabaseError } from './db';

/** How often a stream of batches of changes (an import) is shown, at most... */
const STREAM_MS = 1000;
/** ...counting as one a batch of this many changes, or more than one change after such a batch. */
const STREAM_BATCH = 16;

const PAGE = 500;
/** How long Undo is offered after a delete. */
export const UNDO_MS = 8000;

/**
 * The gallery's order, as IndexedDB's time index gives it: newest first. A damaged time (past
 * the year 9999, or not a number) sorts first there, as here, so the list and the pages agree.
 */
export function newestFirst(a: PhotoMeta, b: PhotoMeta): number {
	const at = (m: PhotoMeta) => photoTime(m.takenAt, Number.MAX_VALUE);
	return at(b) - at(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Inserts photos into a newest-first list, keeping the order (binary search for a few). */
export function mergeNewestFirst(list: PhotoMeta[], added: PhotoMeta[]): PhotoMeta[] {
	if (added.length > 64) return [...list, ...added].sort(newestFirst);
	const out = [...list];
	for (const meta of added) {
		let lo = 0;
		let hi = out.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (newestFirst(out[mid], meta) < 0) lo = mid + 1;
			else hi = mid;
		}
		out.splice(lo, 0, meta);
	}
	return out;
}

export class Gallery {
	#all = $state.raw<PhotoMeta[]>([]);
	#total = $state<number | null>(null);
	#complete = $state(false);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	#favoritesOnly = $state(false);
	/** Only one event's photos (event mode), by the event's id. */
	#event = $state<string | null>(null);
	#shown = $derived(
		this.#favoritesOnly || this.#event
			? this.#all.filter((p) => (!this.#favoritesOnly || p.favorite) && (!this.#event || p.event === this.#event))
			: this.#all
	);
	#positions = $derived(new Map(this.#shown.map((p, i) => [p.id, i])));
	#repo: PhotoRepository;
	#unsubscribe: (() => void) | undefined;
	#loading: Promise<void> | undefined;
	#pending: PhotoChange[] = [];
	#applying: Promise<void> = Promise.resolve();

	constructor(repo: PhotoRepository = photos) {
		this.#repo = repo;
	}

	/** The photos shown (all, or the favourites), newest first. */
	get items(): PhotoMeta[] {
		return this.#shown;
	}
	/** How many photos are shown; before the whole list is read, the store's own count. */
	get count(): number {
		return this.#complete || this.#favoritesOnly || this.#event ? this.#shown.length : (this.#total ?? this.#shown.length);
	}
	/** Every photo, whatever the filter (what a backup saves). */
	get all(): PhotoMeta[] {
		return this.#all;
	}
	/** Every photo, whatever the filter. */
	get totalCount(): number {
		return this.#complete ? this.#all.length : (this.#total ?? this.#all.length);
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): string | null {
		return this.#error;
	}
	get favoritesOnly(): boolean {
		return this.#favoritesOnly;
	}
	set favoritesOnly(on: boolean) {
		this.#favoritesOnly = on;
	}
	/** The event whose photos alone are shown, or null for every photo. */
	get event(): string | null {
		return this.#event;
	}
	set event(id: string | null) {
		this.#event = id;
	}

	/** Starts listening for changes and loads every photo's metadata, page by page. */
	open(): () => void {
		this.#unsubscribe ??= onPhotoChange((c) => this.#queue(c));
		void this.reload();
		// Deletions whose Undo has long expired (the tab closed before the purge ran).
		void this.#repo.purge({ olderThan: Date.now() - UNDO_MS * 4 }).catch((e) => console.warn(e));
		return () => this.close();
	}

	close(): void {
		this.#unsubscribe?.();
		this.#unsubscribe = undefined;
	}

	/** Every photo's metadata is loaded (not just the first pages). */
	get complete(): boolean {
		return this.#complete;
	}

	/**
	 * Resolves once the list is whole. "All" actions (export, back up, select all) wait for it,
	 * or they would act on the first pages of a large gallery only.
	 */
	async whenComplete(): Promise<void> {
		if (this.#loading) await this.#loading;
		else if (!this.#complete) await this.reload();
	}

	reload(): Promise<void> {
		this.#loading ??= this.#loadAll().finally(() => (this.#loading = undefined));
		return this.#loading;
	}

	async #loadAll(): Promise<void> {
		try {
			// A count that cannot be read is reported by the listing below, which fails the same way.
			void this.#repo.count().then((n) => (this.#total = n), () => {});
			const all: PhotoMeta[] = [];
			let page = await this.#repo.page(PAGE);
			while (page.length) {
				for (const p of page) all.push(p);
				// Show the first page at once; the rest arrive behind it.
				if (!this.#loaded) {
					this.#all = [...all];
					this.#loaded = true;
				}
				if (page.length < PAGE) break;
				page = await this.#repo.page(PAGE, page[page.length - 1]);
			}
			this.#all = all;
			this.#complete = true;
			this.#error = null;
		} catch (e) {
			if (e instanceof NewerDatabaseError) {
				console.warn(e.message);
				this.#error = e.message;
			} else {
				console.error(e);
				this.#error = 'The gallery could not be read. Reload the page to try again.';
			}
		} finally {
			this.#loaded = true;
		}
	}

	/**
	 * Changes arrive one per photo (a bulk delete of thousands sends thousands); they are applied
	 * together, once per microtask, so the list is rebuilt once, not once per photo. A stream of
	 * batches of them (an import storing dozens every few hundred ms) is applied at most once per
	 * STREAM_MS: rebuilding and repainting the grid for every batch took most of the page's time.
	 * A single change (a favourite, a shot, a deletion or its Undo) shows at once.
	 */
	#queue(change: PhotoChange): void {
		if (change.type === 'thumbnail') return;
		this.#pending.push(change);
		if (this.#pending.length > 1) return;
		queueMicrotask(() => {
			const go = () => {
				this.#applying = this.#applying.then(() => this.#apply());
			};
			const n = this.#pending.length;
			const streaming = n >= STREAM_BATCH || (n > 1 && this.#lastApplied.size >= STREAM_BATCH);
			const wait = this.#lastApplied.at + STREAM_MS - performance.now();
			if (streaming && wait > 0) setTimeout(go, wait);
			else go();
		});
	}
	#lastApplied = { at: -Infinity, size: 0 };

	async #apply(): Promise<void> {
		await this.#loading;
		this.#lastApplied = { at: performance.now(), size: this.#pending.length };
		const batch = this.#pending;
		this.#pending = [];
		const gone = new Set<string>();
		const fresh = new Set<string>();
		for (const c of batch) {
			if (c.type === 'deleted') {
				gone.add(c.id);
				fresh.delete(c.id);
			} else {
				fresh.add(c.id);
				gone.delete(c.id);
			}
		}
		try {
			const metas = fresh.size ? await this.#repo.getMany([...fresh]) : [];
			const found = metas.filter((m): m is PhotoMeta => !!m);
			const kept = this.#all.filter((p) => !gone.has(p.id) && !fresh.has(p.id));
			this.#all = mergeNewestFirst(kept, found);
		} catch (e) {
			console.error('The gallery could not follow a change', e);
		}
	}

	/** Position in the shown list, or -1. */
	indexOf(id: string): number {
		return this.#positions.get(id) ?? -1;
	}
}

export const gallery = new Gallery();
