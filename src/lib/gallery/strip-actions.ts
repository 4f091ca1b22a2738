/**
 * What the viewer does to a strip: lay it out again from its original photos (another layout,
 * another caption), keeping the one it was made from; and print it. Loaded when used.
 */
import { photos } from '$lib/photos/repository';
import { overlays } from '$lib/photos/overlays';
import { newPhotoId } from '$lib/photos/ids';
import type { PhotoMeta } from '$lib/photos/types';
import { layouts, type LayoutId } from '$lib/strips/layouts';
import { renderStrip } from '$lib/strips/render';

export class MissingShotsError extends Error {
	constructor(missing: number) {
		super(`${missing === 1 ? 'One of its photos is' : `${missing} of its photos are`} no longer in the gallery, so the strip cannot be laid out again.`);
		this.name = 'MissingShotsError';
	}
}

/**
 * A new strip from the same photos as `strip`, in `layout` with `caption` (the rest of the
 * design as it was). The old strip is kept. Shots beyond what the layout takes are left out;
 * a layout that takes more than the strip has repeats its shots in order.
 */
export async function relayout(strip: PhotoMeta, layoutId: LayoutId, caption: string): Promise<PhotoMeta> {
	const recipe = strip.strip;
	if (!recipe) throw new Error('This is not a strip.');
	const layout = layouts(recipe.stripShots).find((l) => l.id === layoutId) ?? layouts(recipe.stripShots)[0];
	const originals = await Promise.all(recipe.shots.map((id) => photos.getOriginal(id)));
	const missing = originals.filter((o) => !o).length;
	if (missing) throw new MissingShotsError(missing);
	const ids = Array.from({ length: layout.shots }, (_, i) => recipe.shots[i % recipe.shots.length]);
	const blobs = Array.from({ length: layout.shots }, (_, i) => originals[i % originals.length]);
	const [first, overlay] = await Promise.all([photos.get(recipe.shots[0]), recipe.overlay ? overlays.image(recipe.overlay) : undefined]);
	const design = { ...recipe.design, caption };
	const made = await renderStrip({
		layout,
		shots: blobs,
		design,
		takenAt: first?.takenAt ?? strip.takenAt,
		overlay,
		type: 'image/jpeg',
		quality: 0.92
	});
	return photos.add(
		{
			id: newPhotoId(),
			blob: made.blob,
			...layout.size,
			camera: strip.camera,
			strip: { ...recipe, layout: layout.id, shots: ids, design, ...(overlay ? {} : { overlay: undefined }) }
		},
		{ thumbnail: Promise.resolve(made.thumbnail) }
	);
}
