/**
 * Effects for saved pictures: registers every effect with the frame recipes (pixels/recipe.ts),
 * so a still drawn by a recipe that names one goes through its shader at full resolution. Loaded
 * by the encode worker (and by the page, for a still the page draws itself). The picture the
 * recipe drew is read back through WebGL and drawn over with the effect's result.
 */
import { registerEffect } from '../recipe';
import { EffectGL, WHOLE } from './gl';
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
