/**
 * The newest photo, for the camera page's "latest photo" button. Follows saves and deletes from
 * any tab.
 */
import { onPhotoChange } from './changes';
import { coalesce } from '$lib/coalesce';
import { photos } from './repository';
import type { PhotoMeta } from './types';

class LatestPhoto {
	#meta = $state.raw<PhotoMeta | undefined>(undefined);
	#unsubscribe: (() => void) | undefined;
	#seq = 0;
	/** Once at a time however many changes come (an import adds thousands). */
	#refreshes = coalesce(() => this.#refresh());

	get meta(): PhotoMeta | undefined {
		return this.#meta;
	}

	/** Starts following; returns the function that stops. */
	follow(): () => void {
		this.#unsubscribe ??= onPhotoChange((c) => {
			if (c.type === 'thumbnail') return;
			if (c.type === 'deleted' && this.#meta && c.id !== this.#meta.id) return;
			void this.#refreshes();
		});
		void this.#refresh();
		return () => {
			this.#unsubscribe?.();
			this.#unsubscribe = undefined;
		};
	}

	async #refresh(): Promise<void> {
		const seq = ++this.#seq;
		try {
			const meta = await photos.newest();
			if (seq === this.#seq) this.#meta = meta;
		} catch (e) {
			console.warn('Could not read the latest photo', e);
		}
	}
}

export const latestPhoto = new LatestPhoto();
