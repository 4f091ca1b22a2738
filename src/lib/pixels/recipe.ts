/**
 * A frame recipe: what is done to a camera frame between the camera and the saved picture
 * (mirror, crop, effect), as plain data. The page and the encode worker both draw a still with
 * drawRecipe from the same recipe, so a photo looks the same wherever it was drawn, and a recipe
 * can be posted to the worker as it is (an effect never forces the slower page path).
 */
import type { Context2D } from './canvas';
import type { Size } from './geometry';
import { cropRect, type BackdropRef, type FrameRecipe } from './recipe-data';
import { planesToImage, type PlanarFrame, type PlanarSource } from './effects/planes';

export * from './recipe-data';

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

/**
 * Puts a backdrop behind the person in a picture's pixels, in place (see backdrops/stills.ts);
 * given `src`, the picture is not drawn yet: it is made from those planes as the backdrop goes in.
 * False where no backdrop was put in (and, given `src`, nothing drawn).
 */
export type BackdropRenderer = (picture: ImageData, backdrop: BackdropRef, src?: PlanarSource) => boolean;

let backdrops: BackdropRenderer | undefined;

/** Makes backdrops available to recipes in this thread (once their model has loaded). */
export function registerBackdrop(render: BackdropRenderer): void {
	backdrops = render;
}

/** Whether recipes can name this effect here. */
export function hasEffect(id: string): boolean {
	return effects.has(id);
}

/**
 * Draws `source` (a frame of size `frame`) by the recipe onto a context of size `out`: the
 * crop, scaled to fill it, mirrored if asked, then the backdrop, then the effect. The context's transform is
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
	if (recipe.backdrop && backdropsHere()) {
		const picture = ctx.getImageData(0, 0, out.width, out.height);
		if (backdrops!(picture, recipe.backdrop)) ctx.putImageData(picture, 0, 0);
	}
	drawEffect(ctx, out, recipe);
}

/** Whether backdrops can be drawn in this thread; said once per picture where they cannot. */
function backdropsHere(): boolean {
	// Not loaded in this thread: the photo is kept without its backdrop rather than lost.
	if (!backdrops) console.warn('Backdrops are not loaded here; the photo is saved without one.');
	return !!backdrops;
}

/**
 * drawRecipe from the frame's YUV planes, converted in JS straight into the picture's pixels:
 * for a backdrop, which works on the pixels anyway, this skips the browser's drawing of the
 * frame and reading it back (65 and 35 ms for a 1080p still in a worker here, against 10-15 ms),
 * and the backdrop's pass makes the picture itself, converting only the person's pixels.
 * Only where nothing is resampled (the crop at the frame's own size); false, with nothing drawn,
 * otherwise.
 */
export function drawRecipeFromPlanes(ctx: Context2D, planes: PlanarFrame, out: Size, recipe: FrameRecipe): boolean {
	const r = cropRect(planes, recipe);
	if (r.width !== out.width || r.height !== out.height || !Number.isInteger(r.x) || !Number.isInteger(r.y)) return false;
	const picture = pictureOf(out);
	const src = { planes, mirror: !!recipe.mirror, from: r };
	// With a backdrop the picture is made as it goes in (the room's pixels never converted).
	if (!(recipe.backdrop && backdropsHere() && backdrops!(picture, recipe.backdrop, src))) planesToImage(planes, picture, src.mirror, r);
	ctx.putImageData(picture, 0, 0);
	drawEffect(ctx, out, recipe);
	return true;
}

/** One picture's pixels per size, reused (fresh memory costs its first touch: 30 ms for 1080p here). */
let kept: ImageData | undefined;
function pictureOf(size: Size): ImageData {
	if (kept?.width !== size.width || kept.height !== size.height) kept = new ImageData(size.width, size.height);
	return kept;
}

function drawEffect(ctx: Context2D, out: Size, recipe: FrameRecipe): void {
	const effect = recipe.effect;
	if (!effect) return;
	const render = effects.get(effect.id);
	// A recipe from a newer version, or an effect that could not load: the photo is kept plain
	// rather than lost.
	if (!render) return console.warn(`No effect named ${effect.id}; the photo is saved without it.`);
	render(ctx, out.width, out.height, effect.params ?? {});
}
