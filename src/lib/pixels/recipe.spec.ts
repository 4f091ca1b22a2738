import { describe, expect, it } from 'vitest';
import type { Context2D } from './canvas';
import { centreCrop, cropRect, drawRecipe, recipeSize, registerEffect, type FrameRecipe } from './recipe';

/** A 2D context that records what is done to it. */
function recorder() {
	const calls: unknown[][] = [];
	const ctx = new Proxy(
		{ imageSmoothingEnabled: true } as Record<string, unknown>,
		{
			get: (target, key) =>
				key in target ? target[key as string] : (...args: unknown[]) => calls.push([key, ...args]),
			set: (target, key, value) => {
				target[key as string] = value;
				calls.push(['set', key, value]);
				return true;
			}
		}
	) as unknown as Context2D;
	return { ctx, calls };
}

const frame = { width: 1920, height: 1080 };
const source = {} as CanvasImageSource;

describe('frame recipes', () => {
	it('crop a frame to a shape around its centre, or not at all where it has that shape', () => {
		expect(centreCrop(frame, 1)).toEqual({ x: (1 - 1080 / 1920) / 2, y: 0, width: 1080 / 1920, height: 1 });
		expect(centreCrop({ width: 1000, height: 1000 }, 2)).toEqual({ x: 0, y: 0.25, width: 1, height: 0.5 });
		expect(centreCrop(frame, 16 / 9)).toBeUndefined();
		expect(centreCrop(frame, 0)).toBeUndefined();
	});

	it('come out at the size of the part kept, scaled down (never up) to the size asked', () => {
		const square: FrameRecipe = { mirror: false, crop: centreCrop(frame, 1) };
		expect(recipeSize(frame, { mirror: true })).toEqual(frame);
		expect(recipeSize(frame, square)).toEqual({ width: 1080, height: 1080 });
		expect(recipeSize(frame, square, { width: 640, height: 480 })).toEqual({ width: 480, height: 480 });
		expect(recipeSize(frame, { mirror: false }, { width: 4000, height: 4000 })).toEqual(frame);
	});

	it('draw the kept part, mirrored if asked, without resampling at its own size', () => {
		const { ctx, calls } = recorder();
		drawRecipe(ctx, source, frame, frame, { mirror: true });
		expect(calls).toEqual([
			['save'],
			['set', 'imageSmoothingEnabled', false],
			['translate', 1920, 0],
			['scale', -1, 1],
			['drawImage', source, 0, 0, 1920, 1080, 0, 0, 1920, 1080],
			['restore']
		]);
		const square = { mirror: false, crop: centreCrop(frame, 1) };
		const r = cropRect(frame, square);
		const other = recorder();
		drawRecipe(other.ctx, source, frame, { width: 500, height: 500 }, square);
		expect(other.calls).toEqual([['save'], ['drawImage', source, r.x, r.y, r.width, r.height, 0, 0, 500, 500], ['restore']]);
	});

	it('apply the effect named after mirror and crop, with its settings; an unknown one leaves the photo plain', () => {
		const seen: unknown[] = [];
		registerEffect('test-tint', (_ctx, width, height, params) => seen.push([width, height, params]));
		const { ctx, calls } = recorder();
		drawRecipe(ctx, source, frame, { width: 960, height: 540 }, { mirror: false, effect: { id: 'test-tint', params: { amount: 0.5 } } });
		expect(seen).toEqual([[960, 540, { amount: 0.5 }]]);
		expect(calls.at(-1)).toEqual(['restore']);
		const plain = recorder();
		drawRecipe(plain.ctx, source, frame, frame, { mirror: false, effect: { id: 'from-a-newer-version' } });
		expect(plain.calls.filter((c) => c[0] === 'drawImage')).toHaveLength(1);
	});
});
