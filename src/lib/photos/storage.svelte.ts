/**
 * How safe the photos are on this device: whether the browser keeps the storage persistently,
 * and how much is used and free. Persistence is asked for after the first photo is saved.
 */
import { readLocal, STORE_KEYS, writeLocal } from '$lib/local-store';
import { onPhotoChange } from './changes';
import { coalesce } from '$lib/coalesce';

class StorageStatus {
	#persisted = $state<boolean | null>(null);
	#usage = $state<number | null>(null);
	#quota = $state<number | null>(null);
	#following = false;

	get supported(): boolean {
		return typeof navigator !== 'undefined' && !!navigator.storage?.estimate;
	}
	/** true: the browser will not evict; false: best effort; null: not known yet. */
	get persisted(): boolean | null {
		return this.#persisted;
	}
	get usage(): number | null {
		return this.#usage;
	}
	get quota(): number | null {
		return this.#quota;
	}
	/** Share of the quota in use, 0..1. */
	get fraction(): number | null {
		return this.#usage !== null && this.#quota ? this.#usage / this.#quota : null;
	}

	async refresh(): Promise<void> {
		if (!this.supported) return;
		const [persisted, estimate] = await Promise.all([
			navigator.storage.persisted?.() ?? Promise.resolve(false),
			navigator.storage.estimate()
		]);
		this.#persisted = persisted;
		this.#usage = estimate.usage ?? null;
		this.#quota = estimate.quota ?? null;
	}

	/** Asks the browser to keep our storage (Firefox asks the person; Chromium decides). */
	async requestPersistence(): Promise<boolean> {
		if (!navigator.storage?.persist) return false;
		// Without localStorage we may ask again next visit; harmless.
		writeLocal(STORE_KEYS.persistAsked, '1');
		this.#persisted = await navigator.storage.persist();
		return this.#persisted;
	}

	/** After the first photo is saved, ask once for persistence. Called by the layout. */
	follow(): void {
		if (this.#following || typeof window === 'undefined') return;
		this.#following = true;
		// Once at a time however many photos come (an import adds thousands).
		const follow = coalesce(
			async () => {
				const asked = readLocal(STORE_KEYS.persistAsked) === '1';
				if (!asked && !(await navigator.storage?.persisted?.())) await this.requestPersistence();
				await this.refresh();
			},
			// The browser works the usage out anew each time: every 2 s is often enough.
			{ gapMs: 2000 }
		);
		onPhotoChange((change) => {
			if (change.type === 'added') follow().catch((e) => console.warn('Could not read the storage status', e));
		});
	}
}

export const storageStatus = new StorageStatus();
