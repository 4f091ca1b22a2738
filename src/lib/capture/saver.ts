/**
 * The saver: the one writer of what the booth makes. A still becomes a photo stored whole (its
 * original and metadata in one transaction); its thumbnail follows in idle time, off the
 * shutter's path, and anyone who wants it meanwhile waits for that one instead of decoding the
 * photo again. Modes hand their stills here; nothing else in capture touches storage.
 */
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';
import type { StripToSave } from './strip-saver';
import type { NewPhoto, PhotoMeta } from '$lib/photos/types';
import { newPhotoId } from '$lib/photos/ids';
import type { Camera } from './camera.svelte';
import type { Still } from './shutter.svelte';
import type { ClipFile } from '$lib/clips/protocol';

/** What the saver needs from storage; the photo repository satisfies it. */
export interface PhotoStore {
	/**
	 * Stores a photo whole or not at all. `thumbnail` is stored when it resolves (and waited
	 * for by readers of it until then); a full device rejects with StorageFullError.
	 */
	add(photo: NewPhoto, options?: { thumbnail?: Promise<EncodedThumbnail | undefined> }): Promise<PhotoMeta>;
	/** Gets ready for the first save. */
	preload?(): void;
}

/**
 * The repository, loaded once the camera is live rather than before the camera page can show
 * anything: showing the camera needs no storage code, and it is in place long before a person
 * can press the shutter (a press that beats it waits for it, it is never lost).
 */
const loadRepository = () => import('$lib/photos/repository').then((m) => m.photos);
export const lazyRepository: PhotoStore = {
	add: async (photo, options) => (await loadRepository()).add(photo, options),
	preload: () => void loadRepository()
};

function whenIdle(run: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
	else setTimeout(run, 50);
}

export class Saver {
	#store: PhotoStore;
	/** The event everything saved belongs to (event mode), if any. */
	#event: string | undefined;

	constructor(store: PhotoStore = lazyRepository, camera?: Camera, event?: string) {
		this.#store = store;
		this.#event = event;
		camera?.onStream((track) => void (track && store.preload?.()));
	}

	/** A saver that marks everything it stores as made at this event (event mode's guests). */
	forEvent(event: string): Saver {
		return new Saver(this.#store, undefined, event);
	}

	#add(photo: NewPhoto, options?: { thumbnail?: Promise<EncodedThumbnail | undefined> }): Promise<PhotoMeta> {
		return this.#store.add(this.#event ? { ...photo, event: this.#event } : photo, options);
	}

	/**
	 * Stores a still as a photo. Resolves once the original is stored; a full device rejects
	 * with StorageFullError, which carries the photo so it can still be downloaded.
	 */
	async savePhoto(still: Still): Promise<PhotoMeta> {
		// Made in idle time once the photo is stored, so a burst's next shots are not slowed by
		// this one's thumbnail.
		let start!: () => void;
		const thumbnail = new Promise<void>((resolve) => (start = resolve)).then(() =>
			still.thumbnail().catch((e: unknown) => {
				// The gallery makes missing thumbnails itself; the photo is safe either way.
				console.warn('Thumbnail deferred to the gallery:', e);
				return undefined;
			})
		);
		const meta = await this.#add(
			{ id: newPhotoId(), blob: still.blob, width: still.width, height: still.height, camera: still.camera, takenAt: still.takenAt },
			{ thumbnail }
		);
		whenIdle(start);
		return meta;
	}

	/**
	 * Stores a moving picture (a GIF, a boomerang, a video) with its poster frame as the thumbnail. A full
	 * device rejects with StorageFullError, which carries the file so it can still be downloaded.
	 */
	saveClip(clip: ClipFile, at: { takenAt: number; camera: string; poster?: EncodedThumbnail }): Promise<PhotoMeta> {
		return this.#add(
			{
				id: newPhotoId(),
				blob: clip.blob,
				width: clip.width,
				height: clip.height,
				camera: at.camera,
				takenAt: at.takenAt,
				motion: { kind: clip.kind, duration: clip.duration, frames: clip.frames, sound: clip.sound }
			},
			{ thumbnail: Promise.resolve(at.poster) }
		);
	}

	/**
	 * Makes a strip of photos just taken (their stills, in shot order, with the ids they were
	 * saved under) and stores it with its recipe, so it can be laid out again from them. Drawn
	 * off the page's thread; the code for it loads with the first strip (strip-saver.ts).
	 */
	async saveStrip(strip: StripToSave): Promise<PhotoMeta> {
		const { makeStrip } = await import('./strip-saver');
		return this.#add(...(await makeStrip(strip)));
	}
}
