/**
 * Object URLs for thumbnails, shared by the pages. Each URL is revoked when its last user lets
 * go, so a long gallery session does not pile up decoded images. A photo saved before thumbnails
 * existed (or whose thumbnail was never written) gets one made here, once.
 */
import { photos, type PhotoRepository } from './repository';
import { makeThumbnail, thumbnailJobs } from './thumbnail';

interface Entry {
	url: Promise<string | undefined>;
	users: number;
}

export class ThumbnailUrls {
	#entries = new Map<string, Entry>();
	#repo: PhotoRepository;

	constructor(repo: PhotoRepository = photos) {
		this.#repo = repo;
	}

	/** An object URL for the photo's thumbnail; call release(id) when it leaves the screen. */
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
		void entry.url.then((u) => u && URL.revokeObjectURL(u));
	}

	async #load(id: string): Promise<string | undefined> {
		// A photo just taken has its thumbnail on the way: wait for it rather than make another.
		const pending = await thumbnailJobs.get(id);
		if (pending) return URL.createObjectURL(new Blob([pending.data], { type: pending.type }));
		let blob = await this.#repo.getThumbnail(id);
		if (!blob) {
			const original = await this.#repo.getOriginal(id);
			if (!original) return undefined;
			const thumb = await makeThumbnail(id, original);
			// Stored quietly: announcing it would only make every view reload what it already has.
			await this.#repo.putThumbnail(thumb, { quiet: true });
			blob = new Blob([thumb.data], { type: thumb.type });
		}
		return URL.createObjectURL(blob);
	}
}

export const thumbnailUrls = new ThumbnailUrls();
