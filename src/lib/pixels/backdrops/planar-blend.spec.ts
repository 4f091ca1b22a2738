import { describe, expect, it } from 'vitest';
import { blend, featherMask, squeeze, type Behind, type Pixels } from './blend';
import { blendPlanes, squeezePlanes } from './planar-blend';
import { planesToImage, yuvToRgb, type PlanarFrame, type PlanarSource } from '../effects/planes';

/** A W x H frame of varied pixels (I420 or NV12), BT.601 limited range. */
function frame(format: 'I420' | 'NV12', W: number, H: number): PlanarFrame {
	const cw = W / 2;
	const ch = H / 2;
	const data = Uint8Array.from({ length: W * H + cw * ch * 2 }, (_, i) => (i * 73 + 29) % 256);
	const offsets = format === 'I420' ? [0, W * H, W * H + cw * ch] : [0, W * H];
	return { format, width: W, height: H, data, offsets, ...yuvToRgb({ matrix: 'smpte170m', fullRange: false })! };
}

const pixels = (width: number, height: number): Pixels => ({ data: new Uint8ClampedArray(width * height * 4), width, height });

/** A mask of every alpha: whole, empty and soft, in blocks. */
function mask(size: number): Pixels {
	const m = pixels(size, size);
	for (let i = 0; i < size * size; i++) m.data[i * 4 + 3] = [0, 255, 255, 0, 40, 120, 200, 255, 0][(i * 7) % 9];
	return m;
}

describe('blendPlanes', () => {
	const W = 24;
	const H = 16;
	const sources: [string, PlanarSource][] = [
		['I420, whole', { planes: frame('I420', W, H), mirror: false, from: { x: 0, y: 0, width: W, height: H } }],
		['NV12, mirrored', { planes: frame('NV12', W, H), mirror: true, from: { x: 0, y: 0, width: W, height: H } }],
		['I420, cut and mirrored', { planes: frame('I420', W, H), mirror: true, from: { x: 4, y: 2, width: 16, height: 12 } }]
	];
	const full = pixels(W, H);
	full.data.forEach((_, i) => (full.data[i] = i % 4 === 3 ? 255 : (i * 31) % 256));
	const small = pixels(5, 4);
	small.data.forEach((_, i) => (small.data[i] = i % 4 === 3 ? 255 : (i * 53) % 256));
	const behinds: [string, Behind][] = [
		['a colour', { colour: [255, 77, 157] }],
		['a scene', { full: full.data }],
		['a blurred room', { small }]
	];

	for (const [what, src] of sources)
		for (const [kind, behind] of behinds)
			it(`makes the same picture as planesToImage then blend (${what}, ${kind})`, () => {
				const size = { width: src.from.width, height: src.from.height };
				const m = mask(8);
				const alpha = featherMask(m);
				const b: Behind = 'full' in behind ? { full: behind.full.slice(0, size.width * size.height * 4) } : behind;
				const want = planesToImage(src.planes, pixels(size.width, size.height), src.mirror, src.from);
				blend(want, alpha, 8, 8, b);
				const got = pixels(size.width, size.height);
				// Whatever was there before is not read.
				got.data.fill(9);
				blendPlanes(got, src, alpha, 8, 8, b);
				expect(Array.from(got.data)).toEqual(Array.from(want.data));
			});
});

describe('squeezePlanes', () => {
	// Colours no sample of which is clipped (squeezePlanes takes the mean before converting).
	function soft(format: 'I420' | 'NV12', W: number, H: number): PlanarFrame {
		const f = frame(format, W, H);
		f.data.forEach((v, i) => (f.data[i] = i < W * H ? 60 + (v % 120) : 110 + (v % 36)));
		return f;
	}

	for (const [what, src] of [
		['whole', { planes: soft('I420', 64, 48), mirror: false, from: { x: 0, y: 0, width: 64, height: 48 } }],
		['NV12, cut and mirrored', { planes: soft('NV12', 64, 48), mirror: true, from: { x: 8, y: 4, width: 40, height: 36 } }]
	] as [string, PlanarSource][])
		it(`gives the model the input squeeze gives it from the whole picture (${what})`, () => {
			const { width, height } = src.from;
			const picture = planesToImage(src.planes, pixels(width, height), src.mirror, src.from);
			const want = squeeze(picture, 16, 12);
			const got = squeezePlanes(src, 16, 12);
			for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(2);
		});
});
