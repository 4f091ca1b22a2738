/**
 * Thumbnail URLs for the pages, shared and reference-counted: a tile acquires one when it is
 * rendered and releases it when its row leaves the screen, and the last release drops it, so a
 * long session over thousands of photos holds only what is on screen.
 *
 * They are data: URLs, not object URLs. A thumbnail is ~2-30 KB; in Chromium every Blob and
 * every createObjectURL is a round trip to the browser process, and measured while scrolling a
 * 10,000-photo grid those two calls were most of each frame (about 5 ms per tile on this
 * machine). Base64 of a small buffer costs microseconds and never leaves the page. Reads are
 * batched: the tiles of a newly shown row are fetched in one IndexedDB transaction.
 *
 * A photo saved before thumbnails existed (or whose thumbnail was never written, or a video
 * imported on its own) gets one made here, once.
 */
import { thumbnailOfImage } from '$lib/pixels/thumbnail';
import { photos, storedThumbnail, type PhotoRepository } from './repository';
import type { StoredThumbnail } from './types';

interface Entry {
	url: Promise<string | undefined>;
	users: number;
}

type Base64Bytes = Uint8Array & { toBase64?: () => string };

/** A data: URL of the bytes (the built-in base64 where the browser has it). */
export function toDataUrl(data: ArrayBuffer, type: string): string {
	const bytes = new Uint8Array(data) as Base64Bytes;
	if (typeof bytes.toBase64 === 'function') return `data:${type};base64,${bytes.toBase64()}`;
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return `data:${type};base64,${btoa(binary)}`;
}

export class ThumbnailUrls {
	#entries = new Map<string, Entry>();
	#repo: PhotoRepository;
	#wanted = new Map<string, { resolve: (t: StoredThumbnail | undefined) => void; reject: (e: unknown) => void }>();

	constructor(repo: PhotoRepository = photos) {
		this.#repo = repo;
	}

	/** A URL for the photo's thumbnail; call release(id) when it leaves the screen. */
	acquire(id: string): Promise<string | undefined> {
		let entry = this.#entries.get(id);
		if (!entry) {
			entry = { url: this.#load(id), users: 0 };
			this.#entries.set(id, entry);
		}
		entry.users++;
		return entry.url;
	}

	release(id: string): void {
		const entry = this.#entries.get(id);
		if (!entry || --entry.users > 0) return;
		this.#entries.delete(id);
	}

	/** Reads go out together: everything asked for in one task shares a transaction. */
	#read(id: string): Promise<StoredThumbnail | undefined> {
		return new Promise((resolve, reject) => {
			if (this.#wanted.size === 0) {
				queueMicrotask(() => {
					const batch = [...this.#wanted];
					this.#wanted = new Map();
					this.#repo.getThumbnails(batch.map(([key]) => key)).then(
						(found) => batch.forEach(([, p], i) => p.resolve(found[i])),
						(e) => batch.forEach(([, p]) => p.reject(e))
					);
				});
			}
			// The same id twice in one batch: both callers get the one read.
			const earlier = this.#wanted.get(id);
			this.#wanted.set(id, {
				resolve: (t) => (earlier?.resolve(t), resolve(t)),
				reject: (e) => (earlier?.reject(e), reject(e))
			});
		});
	}

	async #load(id: string): Promise<string | undefined> {
		// A photo just taken has its thumbnail on the way: the read waits for it (see add).
		let thumb = await this.#read(id);
		if (!thumb) {
			const original = await this.#repo.getOriginal(id);
			if (!original) return undefined;
			// A video's is its first frame, read by the browser's player (loaded for the first one).
			const made = original.type.startsWith('video/')
				? await (await import('$lib/pixels/media')).videoThumbnail(original)
				: await thumbnailOfImage(original);
			thumb = await storedThumbnail(id, made);
			// Stored quietly: announcing it would only make every view reload what it already has.
			await this.#repo.putThumbnail(thumb, { quiet: true });
		}
		return toDataUrl(thumb.data, thumb.type);
	}
}

export const thumbnailUrls = new ThumbnailUrls();
