/**
 * A frame recipe: what is done to a camera frame between the camera and the saved picture
 * (mirror, crop, effect), as plain data. The page and the encode worker both draw a still with
 * drawRecipe from the same recipe, so a photo looks the same wherever it was drawn, and a recipe
 * can be posted to the worker as it is (an effect never forces the slower page path).
 */
import type { Context2D } from './canvas';
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

export interface FrameRecipe {
	/** Flipped left to right (a front camera seen as in a mirror). */
	mirror: boolean;
	/** The part of the frame kept; the whole frame when absent. */
	crop?: Crop;
	/** Applied to the picture after mirror and crop; none when absent. */
	effect?: EffectRef;
}

/** The recipe that changes nothing. */
export const PLAIN: FrameRecipe = Object.freeze({ mirror: false });

/**
 * Draws a frame's pixels onto a 2D context in place: `apply(ctx, width, height, params)` reads
 * the picture already there and draws its result over it. The same function runs on the page
 * and in the encode worker.
 */
export type EffectRenderer = (ctx: Context2D, width: number, height: number, params: Record<string, number>) => void;

const effects = new Map<string, EffectRenderer>();

/** Makes an effect available to recipes, on the page and in the worker (which loads the same list). */
export function registerEffect(id: string, render: EffectRenderer): void {
	effects.set(id, render);
}

/** Whether recipes can name this effect here. */
export function hasEffect(id: string): boolean {
	return effects.has(id);
}

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

/**
 * Draws `source` (a frame of size `frame`) by the recipe onto a context of size `out`: the
 * crop, scaled to fill it, mirrored if asked, then the effect. The context's transform is
 * saved and restored, so drawing again on it starts clean.
 */
export function drawRecipe(ctx: Context2D, source: CanvasImageSource, frame: Size, out: Size, recipe: FrameRecipe): void {
	const r = cropRect(frame, recipe);
	ctx.save();
	try {
		// At the frame's own size nothing is resampled: smoothing would only cost time.
		if (r.width === out.width && r.height === out.height) ctx.imageSmoothingEnabled = false;
		if (recipe.mirror) {
			ctx.translate(out.width, 0);
			ctx.scale(-1, 1);
		}
		ctx.drawImage(source, r.x, r.y, r.width, r.height, 0, 0, out.width, out.height);
	} finally {
		ctx.restore();
	}
	const effect = recipe.effect;
	if (!effect) return;
	const render = effects.get(effect.id);
	// A recipe from a newer version, or an effect that could not load: the photo is kept plain
	// rather than lost.
	if (!render) return console.warn(`No effect named ${effect.id}; the photo is saved without it.`);
	render(ctx, out.width, out.height, effect.params ?? {});
}
