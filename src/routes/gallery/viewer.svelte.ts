/**
 * The gallery's viewer: which photo the address names (`?photo=ID`, so it can be reloaded and
 * shared), walking to the previous and next, and what its buttons do to that photo (favourite,
 * download, delete and move on). The gallery page only wires this to the Viewer component.
 */
import { tick, untrack } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { resolve } from '$app/paths';
import { gallery } from '$lib/photos/gallery.svelte';
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { downloadPhoto } from '$lib/export/download';
import { deletePhotos } from '$lib/gallery/actions.svelte';
import { reportError, toasts } from '$lib/toasts.svelte';

const galleryPath = resolve('/gallery');

/** The viewer's address for a photo. */
export const photoHref = (id: string) => `${galleryPath}?photo=${encodeURIComponent(id)}`;

export class ViewerController {
	/** A photo opened by link before the list has it (or one the list does not show). */
	#direct = $state.raw<PhotoMeta | undefined>();
	#lookedUp = $state<string | null>(null);
	/** Set when the viewer was opened from the grid, so Close can simply go back. */
	#openedHere = false;
	#reveal: (index: number) => Promise<void> | void;

	readonly photoId = $derived(page.url.searchParams.get('photo'));
	readonly index = $derived(this.photoId ? gallery.indexOf(this.photoId) : -1);
	/** The photo shown, or undefined when the viewer is closed. */
	readonly current = $derived(this.index >= 0 ? gallery.items[this.index] : this.#direct);

	/** `reveal` brings a grid position into view (and focus) when the viewer closes. */
	constructor(reveal: (index: number) => Promise<void> | void) {
		this.#reveal = reveal;
		// A deep link may arrive before the list has loaded: read that one photo directly.
		$effect(() => {
			const id = this.photoId;
			this.#direct = undefined;
			this.#lookedUp = null;
			if (!id || this.index >= 0) return;
			let live = true;
			photos.get(id).then(
				(meta) => {
					if (!live) return;
					this.#direct = meta;
					this.#lookedUp = id;
				},
				(e) => reportError(e, 'The photo could not be read')
			);
			return () => (live = false);
		});
		// Neither in the list nor in the store: the link points at a photo that is gone.
		$effect(() => {
			if (this.photoId && this.#lookedUp === this.photoId && !this.#direct && gallery.loaded && this.index < 0) {
				untrack(() => {
					this.#lookedUp = null;
					toasts.show('That photo is no longer in the gallery.');
					void this.close();
				});
			}
		});
	}

	get position(): string {
		return this.index >= 0 ? `${this.index + 1} of ${gallery.count}` : '';
	}
	get hasPrevious(): boolean {
		return this.index > 0;
	}
	get hasNext(): boolean {
		return this.index >= 0 && this.index < gallery.items.length - 1;
	}

	/** A tile was opened from the grid (its link changes the address). */
	openedFromGrid(): void {
		this.#openedHere = true;
	}

	show(id: string): void {
		void goto(photoHref(id), { replaceState: true, noScroll: true, keepFocus: true });
	}

	async close(): Promise<void> {
		const id = this.photoId;
		if (this.#openedHere) {
			this.#openedHere = false;
			history.back();
		} else {
			await goto(galleryPath, { replaceState: true, noScroll: true });
		}
		await tick();
		// The tile may be far from where the grid was left: bring it into view, then focus it.
		const i = id ? gallery.indexOf(id) : -1;
		if (i >= 0) await this.#reveal(i);
	}

	previous(): void {
		if (this.hasPrevious) this.show(gallery.items[this.index - 1].id);
	}

	next(): void {
		if (this.hasNext) this.show(gallery.items[this.index + 1].id);
	}

	/** The photo's original as stored, for the viewer to show. */
	original(id: string): Promise<Blob | undefined> {
		return photos.getOriginal(id);
	}

	async download(): Promise<void> {
		if (!this.current) return;
		try {
			await downloadPhoto(this.current);
		} catch (e) {
			reportError(e, 'The photo could not be downloaded');
		}
	}

	async toggleFavorite(): Promise<void> {
		const photo = this.current;
		if (!photo) return;
		const meta = await photos.setFavorite(photo.id, photo.favorite !== 1).catch((e) => {
			reportError(e, 'The favourite could not be saved');
			return undefined;
		});
		// A photo opened by link is not in the list, so it will not hear the change: refresh it.
		if (meta && this.#direct?.id === meta.id) this.#direct = meta;
	}

	/** A strip whose Delete asks whether its photos go too (see removeStrip). */
	askingDelete = $state.raw<PhotoMeta | null>(null);

	/**
	 * Deletes the photo (with Undo) and shows the next older one, else the newer, else the grid.
	 * A strip first asks whether to delete its photos too.
	 */
	async remove(): Promise<void> {
		const photo = this.current;
		if (!photo) return;
		if (photo.kind === 'strip' && photo.strip?.shots.length) {
			this.askingDelete = photo;
			return;
		}
		await this.#delete(photo, [photo.id]);
	}

	/** Deletes the strip asked about, and its photos too when `withShots`. */
	async removeStrip(withShots: boolean): Promise<void> {
		const strip = this.askingDelete;
		this.askingDelete = null;
		if (!strip) return;
		await this.#delete(strip, withShots ? [strip.id, ...new Set(strip.strip?.shots ?? [])] : [strip.id]);
	}

	async #delete(photo: PhotoMeta, ids: string[]): Promise<void> {
		const gone = new Set(ids);
		const after = gallery.items.slice(this.index + 1).find((p) => !gone.has(p.id)) ?? gallery.items.slice(0, Math.max(0, this.index)).findLast((p) => !gone.has(p.id));
		try {
			await deletePhotos(ids);
			if (after && after.id !== photo.id) this.show(after.id);
			else await this.close();
		} catch (e) {
			reportError(e, 'The photo could not be deleted');
		}
	}
}
