/**
 * Effects for saved pictures: registers every effect with the frame recipes (pixels/recipe.ts),
 * so a still drawn by a recipe that names one goes through its shader at full resolution. Loaded
 * by the encode worker (and by the page, for a still the page draws itself). The picture the
 * recipe drew is read back through WebGL and drawn over with the effect's result.
 */
import { registerEffect } from '../recipe';
import type { FrameRecipe } from '../recipe-data';
import type { Size } from '../geometry';
import { EffectGL, WHOLE, framePlacement, type PlanarFrame } from './gl';
import { yuvToRgb } from './planes';
import { EFFECTS, NORMAL } from '$lib/effects/list';

let pipeline: EffectGL | null | undefined;

function stillPipeline(): EffectGL | null {
	if (pipeline === undefined) {
		pipeline = typeof OffscreenCanvas === 'function' ? EffectGL.create(new OffscreenCanvas(1, 1)) : null;
	}
	if (pipeline?.lost) pipeline = EffectGL.create(new OffscreenCanvas(1, 1));
	return pipeline;
}

for (const { id } of EFFECTS) {
	if (id === NORMAL) continue;
	registerEffect(id, (ctx, width, height) => {
		const gl = stillPipeline();
		// Kept plain rather than lost: the booth says so where it offers effects.
		if (!gl) return console.warn(`No WebGL here: the photo is saved without the ${id} effect.`);
		if (!gl.draw(ctx.canvas, id, WHOLE(width, height), { width, height })) {
			return console.warn(`The ${id} effect could not be drawn: the photo is saved without it.`);
		}
		ctx.drawImage(gl.canvas, 0, 0);
	});
}

/** Whether a recipe's effect is one drawn here (not Normal, and known). */
export function drawsEffect(recipe: FrameRecipe): boolean {
	const id = recipe.effect?.id;
	return !!id && id !== NORMAL && EFFECTS.some((e) => e.id === id);
}

/**
 * A still with an effect straight from the camera frame (best its planes, see planes.ts): cut,
 * mirrored and drawn through the effect in one WebGL pass at the photo's size, handed over as a
 * bitmap (no copy). Null where it cannot be (no effect, no WebGL, a lost context): the caller
 * draws the recipe as usual then.
 *
 * Why: the plain way draws the frame on a 2D canvas, uploads that to WebGL and reads the result
 * back onto the 2D canvas: three full-size copies more than this, each 50-100 ms at 1080p
 * without a GPU. From the planes, the effect costs a shot about what the plain draw does.
 */
export function effectStill(source: TexImageSource | PlanarFrame, frame: Size, out: Size, recipe: FrameRecipe): ImageBitmap | null {
	if (!drawsEffect(recipe)) return null;
	const gl = stillPipeline();
	if (!gl || !(gl.canvas instanceof OffscreenCanvas)) return null;
	const placement = framePlacement(frame, recipe.crop, recipe.mirror);
	if (!gl.draw(source, recipe.effect!.id, placement, out, { x: 0, y: 0, width: out.width, height: out.height })) return null;
	return gl.canvas.transferToImageBitmap();
}

/** Makes the pipeline and compiles the effect's shaders (both sources) with a tiny draw. */
export function warmStill(id: string): void {
	const recipe: FrameRecipe = { mirror: false, effect: { id } };
	if (!drawsEffect(recipe)) return;
	const tiny = { width: 2, height: 2 };
	const planes = grey2x2();
	effectStill(planes, tiny, tiny, recipe)?.close();
	const canvas = new OffscreenCanvas(2, 2);
	effectStill(canvas, tiny, tiny, recipe)?.close();
}

/** A 2x2 grey I420 frame's planes. */
function grey2x2(): PlanarFrame {
	return {
		format: 'I420',
		width: 2,
		height: 2,
		data: new Uint8Array([128, 128, 128, 128, 128, 128]),
		offsets: [0, 4, 5],
		...yuvToRgb({ matrix: 'smpte170m', fullRange: false })!
	};
}
