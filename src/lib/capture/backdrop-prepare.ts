/**
 * Gets a backdrop ready on the page before it is used: "Your photo"'s picture read from the
 * gallery, the encode worker's model loaded (with the picture), and where the page draws
 * pictures itself, the model here too. Called when a backdrop is chosen and before a shot.
 */
import type { BackdropRef } from '$lib/pixels/recipe-data';
import { fitWithin } from '$lib/pixels/geometry';
import { backdropImage, forgetBackdropImage, keepBackdropImage } from '$lib/pixels/backdrops/images';

/** "Your photo" is drawn from at most this many pixels on its long side (a 1080p photo's). */
const PHOTO_LONG_SIDE = 1920;

export class BackdropPhotoMissingError extends Error {
	constructor() {
		super('The backdrop photo is no longer in the gallery. Choose another in Effects, under Backdrop.');
	}
}

const reading = new Map<string, Promise<ImageBitmap>>();

/**
 * "Your photo"'s picture, read from the gallery and scaled once (one read at a time however
 * many ask). The gallery is asked every time whether the photo is still there: a photo deleted
 * there is never drawn again.
 */
async function readPhoto(id: string): Promise<ImageBitmap> {
	const { photos } = await import('$lib/photos/repository');
	if (!(await photos.get(id))) {
		forgetBackdropImage(id);
		throw new BackdropPhotoMissingError();
	}
	const known = backdropImage(id);
	if (known) return known;
	let read = reading.get(id);
	if (!read) {
		read = (async () => {
			const blob = await photos.getOriginal(id);
			if (!blob) throw new BackdropPhotoMissingError();
			const full = await createImageBitmap(blob);
			const size = fitWithin(full.width, full.height, PHOTO_LONG_SIDE);
			let image = full;
			if (size.width !== full.width) {
				image = await createImageBitmap(full, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
				full.close();
			}
			keepBackdropImage(id, image);
			return image;
		})().finally(() => reading.delete(id));
		reading.set(id, read);
	}
	return read;
}

/** What the encode worker has been given: the backdrop's key, and which worker it was. */
let warmed: { key: string; worker: Worker | null; done: Promise<Worker | null> } | undefined;

/** The last backdrop prepareBackdrop finished, for the worker then current (and the page, if asked). */
let prepared: { key: string; worker: Worker | null; page: boolean } | undefined;
let client: typeof import('$lib/pixels/encode-client') | undefined;

/**
 * Whether stills with `ref` can be drawn now without prepareBackdrop: it finished for this
 * backdrop and the worker still current. Never for "Your photo", whose photo the gallery is asked
 * for before every shot (a photo deleted there is never drawn again).
 */
export function backdropPrepared(ref: BackdropRef): boolean {
	if (ref.photo || !prepared || !client || prepared.key !== `${ref.id}:`) return false;
	return prepared.worker === client.currentEncoder() && (prepared.page || client.canDrawInWorker());
}

/**
 * Resolves when stills with `ref` can be drawn at once. Where the page draws them itself (no
 * encode worker that takes camera frames, or `page`: a video recorded on the page), the model
 * loads here too. Rejects with BackdropPhotoMissingError when "Your photo" is gone.
 */
export async function prepareBackdrop(ref: BackdropRef, options: { page?: boolean } = {}): Promise<void> {
	const image = ref.photo ? await readPhoto(ref.photo) : undefined;
	const key = `${ref.id}:${ref.photo ?? ''}`;
	const encoder = (client ??= await import('$lib/pixels/encode-client'));
	// Given again to a new worker (one that replaced a crashed one knows nothing).
	if (!warmed || warmed.key !== key || (warmed.worker && warmed.worker !== encoder.currentEncoder())) {
		const done = encoder.warmBackdrop(ref, image ? await createImageBitmap(image) : undefined);
		warmed = { key, worker: null, done };
		void done.then((w) => {
			if (warmed?.done === done) warmed.worker = w;
		});
	}
	const worker = await warmed.done;
	const page = options.page || !encoder.canDrawInWorker();
	if (page) {
		const { loadBackdrops } = await import('$lib/pixels/backdrops/stills');
		await loadBackdrops();
	}
	prepared = { key, worker, page };
}

/** A copy of "Your photo"'s picture for a worker that draws frames (a clip), if it is one. */
export async function backdropImageCopy(ref: BackdropRef | undefined): Promise<ImageBitmap | undefined> {
	return ref?.photo ? createImageBitmap(await readPhoto(ref.photo)) : undefined;
}
