import { describe, expect, it } from 'vitest';
import { blend, EDGE, featherMask, shrinkBlurred, squeeze, type Pixels } from './blend';

function picture(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): Pixels {
	const data = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const k = (y * width + x) * 4;
			data.set([...rgb(x, y), 255], k);
		}
	return { data, width, height };
}

/** A mask whose alpha is 255 inside the box [x0, x1) x [y0, y1) and 0 outside. */
function boxMask(size: number, x0: number, x1: number, y0: number, y1: number): Pixels {
	return picture(size, size, () => [0, 0, 0]) && {
		width: size,
		height: size,
		data: Uint8ClampedArray.from({ length: size * size * 4 }, (_, i) => {
			const p = i >> 2;
			const x = p % size;
			const y = Math.floor(p / size);
			return i % 4 === 3 && x >= x0 && x < x1 && y >= y0 && y < y1 ? 255 : 0;
		})
	};
}

const at = (p: Pixels, x: number, y: number) => Array.from(p.data.slice((y * p.width + x) * 4, (y * p.width + x) * 4 + 4));

describe('featherMask', () => {
	it('keeps the inside whole and the outside empty, with a soft edge that stays inside the model edge', () => {
		const alpha = featherMask(boxMask(32, 8, 24, 8, 24));
		expect(alpha[16 * 32 + 16]).toBe(255);
		expect(alpha[2 * 32 + 2]).toBe(0);
		// Just outside the box: the blur spread it there, the edge curve takes it away.
		expect(alpha[16 * 32 + 7]).toBe(0);
		// The box's own edge pixel is soft, neither whole nor empty.
		const edge = alpha[16 * 32 + 8];
		expect(edge).toBeGreaterThan(0);
		expect(edge).toBeLessThan(255);
	});

	it('drops confidences below the edge', () => {
		const mask = { width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 4).fill(EDGE - 1) };
		expect(Math.max(...featherMask(mask))).toBe(0);
	});
});

describe('squeeze', () => {
	it('averages samples in each cell, so a picture half red, half blue squeezes to the same halves', () => {
		const p = picture(64, 32, (x) => (x < 32 ? [255, 0, 0] : [0, 0, 255]));
		const s = { data: squeeze(p, 8, 8), width: 8, height: 8 };
		expect(at(s, 0, 0)).toEqual([255, 0, 0, 255]);
		expect(at(s, 3, 7)).toEqual([255, 0, 0, 255]);
		expect(at(s, 4, 0)).toEqual([0, 0, 255, 255]);
	});
});

describe('shrinkBlurred', () => {
	it('keeps a flat colour flat and averages the picture', () => {
		const flat = shrinkBlurred(picture(90, 60, () => [10, 200, 30]), 5, 4);
		expect(flat.width).toBe(5);
		expect(at(flat, 2, 2)).toEqual([10, 200, 30, 255]);
		const stripes = shrinkBlurred(picture(90, 60, (x) => (x % 2 ? [200, 200, 200] : [0, 0, 0])), 5, 4);
		expect(at(stripes, 2, 1)[0]).toBe(100);
	});
});

describe('blend', () => {
	const person = () => boxMask(16, 4, 12, 4, 12);

	it('keeps the person and puts a colour behind them, at the picture’s own size', () => {
		const p = picture(160, 90, () => [50, 60, 70]);
		blend(p, featherMask(person()), 16, 16, { colour: [255, 77, 157] });
		expect(at(p, 80, 45)).toEqual([50, 60, 70, 255]);
		expect(at(p, 2, 2)).toEqual([255, 77, 157, 255]);
		expect(at(p, 157, 87)).toEqual([255, 77, 157, 255]);
		// Across the edge the two are mixed, never anything else.
		const row = Array.from({ length: 160 }, (_, x) => at(p, x, 45)[0]);
		for (const r of row) expect(r === 50 || r === 255 || (r > 50 && r < 255)).toBe(true);
		expect(row.some((r) => r > 50 && r < 255)).toBe(true);
	});

	it('takes a full-size backdrop pixel for pixel', () => {
		const p = picture(32, 32, () => [0, 0, 0]);
		const full = picture(32, 32, (x, y) => [x * 8, y * 8, 1]).data;
		blend(p, featherMask(person()), 16, 16, { full });
		expect(at(p, 1, 30)).toEqual([8, 240, 1, 255]);
	});

	it('scales a small backdrop up smoothly', () => {
		const p = picture(100, 10, () => [0, 0, 0]);
		const small = picture(2, 1, (x) => (x ? [200, 0, 0] : [0, 0, 0]));
		blend(p, new Uint8ClampedArray(4), 2, 2, { small });
		const reds = Array.from({ length: 100 }, (_, x) => at(p, x, 5)[0]);
		expect(reds[0]).toBe(0);
		expect(reds[99]).toBe(200);
		for (let x = 1; x < 100; x++) expect(reds[x]).toBeGreaterThanOrEqual(reds[x - 1]);
		expect(reds[50]).toBeGreaterThan(80);
		expect(reds[50]).toBeLessThan(120);
	});
});
