/**
 * The frame recipes the booth's settings call for: one for the saved photo and one for the
 * preview, alike but for the mirror (a preview may be a mirror while photos read the right way
 * round). Pure.
 */
import { shapeAspect, type BoothSettings } from '$lib/settings/schema';
import type { Size } from '$lib/pixels/geometry';
import { centreCrop, type BackdropRef, type FrameRecipe } from '$lib/pixels/recipe-data';
import { effectInUse, NORMAL } from '$lib/effects/list';

/**
 * The settings' backdrop, or none ("Your photo" with no photo chosen). Not checked against the
 * list here (it loads with the picker, off the camera's first load): an id the list does not
 * know is drawn as none.
 */
function backdropOf(values: Readonly<BoothSettings>): BackdropRef | undefined {
	const id = values.backdrop;
	if (!id || id === 'none') return undefined;
	if (id !== 'photo') return { id };
	return values.backdropPhoto ? { id, photo: values.backdropPhoto } : undefined;
}

/** How a photo is drawn from a camera frame of this size. */
export function photoRecipe(values: Readonly<BoothSettings>, facesUser: boolean, frame: Size): FrameRecipe {
	const aspect = shapeAspect(values.shape);
	const crop = aspect === undefined ? undefined : centreCrop(frame, aspect);
	const effect = effectInUse(values.effect);
	const backdrop = backdropOf(values);
	return {
		mirror: values.mirrorSaved && facesUser,
		...(crop ? { crop } : {}),
		...(backdrop ? { backdrop } : {}),
		...(effect !== NORMAL ? { effect: { id: effect } } : {})
	};
}

/**
 * How the preview shows the camera: as the photo will be (the same crop, shown by the page as a
 * centred cover of that shape), but mirrored as the preview setting says.
 */
export function previewRecipe(values: Readonly<BoothSettings>, facesUser: boolean, frame: Size): FrameRecipe {
	return { ...photoRecipe(values, facesUser, frame), mirror: values.mirrorPreview && facesUser };
}
