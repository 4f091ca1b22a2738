/**
 * The frame recipes the booth's settings call for: one for the saved photo and one for the
 * preview, alike but for the mirror (a preview may be a mirror while photos read the right way
 * round). Pure.
 */
import type { BoothSettings } from '$lib/settings/schema';
import type { FrameRecipe } from '$lib/pixels/recipe';

/** How a photo is drawn from a camera frame. */
export function photoRecipe(values: Readonly<BoothSettings>, facesUser: boolean): FrameRecipe {
	return { mirror: values.mirrorSaved && facesUser };
}

/** How the preview shows the camera: as the photo will be, but mirrored as the preview setting says. */
export function previewRecipe(values: Readonly<BoothSettings>, facesUser: boolean): FrameRecipe {
	return { ...photoRecipe(values, facesUser), mirror: values.mirrorPreview && facesUser };
}
