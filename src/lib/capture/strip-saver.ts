/**
 * A strip of photos just taken, drawn (strips/render.ts, off the page's thread) and made ready
 * for the saver to store: its image, thumbnail and recipe (the photos' ids, in shot order, so it
 * can be laid out again from them). Drawing starts with the last still taken, while the photos'
 * own saves finish.
 */
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';
import { newPhotoId } from '$lib/photos/ids';
import type { NewPhoto } from '$lib/photos/types';
import { renderStrip } from '$lib/strips/render';
import type { StripDesign } from '$lib/strips/draw';
import type { StripLayout } from '$lib/strips/layouts';
import type { Still } from './shutter.svelte';

export interface StripToSave {
	layout: StripLayout;
	design: StripDesign;
	/** The overlay's id ('' for none). */
	overlay: string;
	/** The session's stills, in shot order. */
	stills: Still[];
	/** Each still already cut to its cell (strips/picture.ts), where that could be done. */
	pictures: Promise<ImageBitmap | undefined>[];
	/** The ids the stills are stored under, once they are (the strip is drawn meanwhile). */
	ids: Promise<string[]>;
}

export async function makeStrip(strip: StripToSave): Promise<[NewPhoto, { thumbnail: Promise<EncodedThumbnail> }]> {
	// Awaited once the strip is drawn; a failed save meanwhile is reported from there.
	strip.ids.catch(() => {});
	const [image, pictures] = await Promise.all([
		strip.overlay ? import('$lib/photos/overlays').then((m) => m.overlays.image(strip.overlay)) : undefined,
		Promise.all(strip.pictures)
	]);
	const first = strip.stills[0];
	const made = await renderStrip({
		layout: strip.layout,
		shots: strip.stills.map((s) => s.blob),
		pictures,
		design: strip.design,
		takenAt: first.takenAt,
		overlay: image,
		type: 'image/jpeg',
		quality: 0.92
	});
	const photo: NewPhoto = {
		id: newPhotoId(),
		blob: made.blob,
		...strip.layout.size,
		camera: first.camera,
		takenAt: Date.now(),
		strip: {
			layout: strip.layout.id,
			stripShots: strip.layout.id === 'strip-2x6' || strip.layout.id === 'two-strips-4x6' ? (strip.layout.shots as 3 | 4) : 4,
			shots: await strip.ids,
			design: strip.design,
			...(image ? { overlay: strip.overlay } : {})
		}
	};
	return [photo, { thumbnail: Promise.resolve(made.thumbnail) }];
}
