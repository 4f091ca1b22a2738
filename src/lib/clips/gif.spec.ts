import { describe, expect, it } from 'vitest';
import { GifReader } from 'omggif';
import { GifWriter, orderedDither } from './gif';

/** A smooth gradient (the kind of picture where a GIF without dither shows bands), shifted by `shift`. */
function gradient(w: number, h: number, shift = 0): Uint8ClampedArray {
	const rgba = new Uint8ClampedArray(w * h * 4);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 4;
			rgba[i] = ((x + shift) * 255) / w;
			rgba[i + 1] = (y * 255) / h;
			rgba[i + 2] = 128;
			rgba[i + 3] = 255;
		}
	}
	return rgba;
}

describe('GifWriter', () => {
	it('writes a looping GIF with every frame and its delay, read back by a reader we did not write', () => {
		const writer = new GifWriter();
		for (let f = 0; f < 5; f++) writer.add(gradient(64, 36, f * 8), 64, 36, 200);
		expect(writer.frames).toBe(5);
		expect(writer.duration).toBe(1000);
		const gif = new GifReader(Buffer.from(writer.finish()));
		expect(gif.width).toBe(64);
		expect(gif.height).toBe(36);
		expect(gif.numFrames()).toBe(5);
		expect(gif.loopCount()).toBe(0);
		for (let i = 0; i < 5; i++) expect(gif.frameInfo(i).delay).toBe(20);
	});

	it('keeps the colours of a photo close: every pixel within a small error of the original', () => {
		const source = gradient(96, 54);
		const writer = new GifWriter();
		writer.add(new Uint8ClampedArray(source), 96, 54, 100);
		const gif = new GifReader(Buffer.from(writer.finish()));
		const out = new Uint8Array(96 * 54 * 4);
		gif.decodeAndBlitFrameRGBA(0, out);
		let total = 0;
		for (let i = 0; i < out.length; i += 4) total += Math.abs(out[i] - source[i]) + Math.abs(out[i + 1] - source[i + 1]) + Math.abs(out[i + 2] - source[i + 2]);
		expect(total / (96 * 54 * 3)).toBeLessThan(8);
	});
});

describe('orderedDither', () => {
	it('spreads a flat colour over neighbouring values the same way in every frame, and keeps its mean', () => {
		const a = new Uint8ClampedArray(8 * 8 * 4).fill(100);
		const b = new Uint8ClampedArray(8 * 8 * 4).fill(100);
		orderedDither(a, 8, 8);
		orderedDither(b, 8, 8);
		expect(a).toEqual(b);
		const reds = [...a].filter((_, i) => i % 4 === 0);
		expect(new Set(reds).size).toBeGreaterThan(4);
		expect(Math.abs(reds.reduce((s, v) => s + v, 0) / reds.length - 100)).toBeLessThan(1);
	});

	it('never leaves 0..255', () => {
		const dark = new Uint8ClampedArray(4 * 4 * 4).fill(0);
		orderedDither(dark, 4, 4, 40);
		expect(Math.min(...dark)).toBe(0);
		const light = new Uint8Array(4 * 4 * 4).fill(255);
		orderedDither(light, 4, 4, 40);
		expect(Math.max(...light)).toBe(255);
	});
});
