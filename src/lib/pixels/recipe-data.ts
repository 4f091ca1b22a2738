/**
 * A frame recipe as data: what is done to a camera frame between the camera and the saved
 * picture (mirror, crop, backdrop, effect), and the arithmetic of its crop. Drawing it is recipe.ts; this
 * part is all a page needs to show a preview as the photo will be.
 */
import { fitSize, type Size } from './geometry';

/** A part of the frame, in fractions of its width and height (0..1). */
export interface Crop {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** An effect by name, with its settings (see registerEffect). */
export interface EffectRef {
	id: string;
	params?: Record<string, number>;
}

/** A backdrop by id (see backdrops/list.ts), and for "Your photo" the photo's id. */
export interface BackdropRef {
	id: string;
	photo?: string;
}

export interface FrameRecipe {
	/** Flipped left to right (a front camera seen as in a mirror). */
	mirror: boolean;
	/** The part of the frame kept; the whole frame when absent. */
	crop?: Crop;
	/** Behind the person, after mirror and crop and before the effect; none when absent. */
	backdrop?: BackdropRef;
	/** Applied to the picture after mirror and crop; none when absent. */
	effect?: EffectRef;
}

/** The recipe that changes nothing. */
export const PLAIN: FrameRecipe = Object.freeze({ mirror: false });

/** The centred crop of a frame to a shape (width / height), or undefined where it already has it. */
export function centreCrop(frame: Size, aspect: number): Crop | undefined {
	const own = frame.width / frame.height;
	if (!Number.isFinite(aspect) || aspect <= 0 || Math.abs(own - aspect) < 1e-3) return undefined;
	if (aspect < own) {
		const width = aspect / own;
		return { x: (1 - width) / 2, y: 0, width, height: 1 };
	}
	const height = own / aspect;
	return { x: 0, y: (1 - height) / 2, width: 1, height };
}

/** The part of a frame a recipe keeps, in the frame's pixels. */
export function cropRect(frame: Size, recipe: FrameRecipe): { x: number; y: number } & Size {
	const c = recipe.crop ?? { x: 0, y: 0, width: 1, height: 1 };
	return { x: c.x * frame.width, y: c.y * frame.height, width: c.width * frame.width, height: c.height * frame.height };
}

/** The size a recipe's picture comes out at: the kept part, scaled down (never up) to fit `max`. */
export function recipeSize(frame: Size, recipe: FrameRecipe, max?: Size): Size {
	const kept = cropRect(frame, recipe);
	return fitSize(Math.max(1, Math.round(kept.width)), Math.max(1, Math.round(kept.height)), max);
}
