import { describe, expect, it } from 'vitest';
import { planesToImage, yuvToRgb, type PlanarFrame } from './planes';

/** Applies the conversion as the shader does: matrix (column-major) times (yuv - offset). */
function convert(space: VideoColorSpaceInit, y: number, u: number, v: number): number[] {
	const c = yuvToRgb(space)!;
	const d = [y / 255 - c.offset[0], u / 255 - c.offset[1], v / 255 - c.offset[2]];
	return [0, 1, 2].map((row) => c.matrix[row] * d[0] + c.matrix[3 + row] * d[1] + c.matrix[6 + row] * d[2]);
}

const close = (got: number[], want: number[]) => got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 2));

describe('yuvToRgb', () => {
	it('turns BT.601 limited range (a camera, a file without a colour space) into RGB', () => {
		const bt601 = { matrix: 'smpte170m', fullRange: false } as const;
		close(convert(bt601, 235, 128, 128), [1, 1, 1]);
		close(convert(bt601, 16, 128, 128), [0, 0, 0]);
		// Pure red, green and blue as BT.601 studio-swing YUV.
		close(convert(bt601, 81, 90, 240), [1, 0, 0]);
		close(convert(bt601, 145, 54, 34), [0, 1, 0]);
		close(convert(bt601, 41, 240, 110), [0, 0, 1]);
		// Unnamed: BT.601, as the browser assumes for video.
		close(convert({}, 81, 90, 240), [1, 0, 0]);
	});

	it('turns BT.709 and full range into RGB', () => {
		close(convert({ matrix: 'bt709', fullRange: false }, 63, 102, 240), [1, 0, 0]);
		close(convert({ matrix: 'bt470bg', fullRange: true }, 255, 128, 128), [1, 1, 1]);
		close(convert({ matrix: 'bt470bg', fullRange: true }, 76, 85, 255), [1, 0, 0]);
	});

	it('leaves colour spaces it does not know to the browser', () => {
		expect(yuvToRgb({ matrix: 'rgb' })).toBeNull();
		expect(yuvToRgb({ matrix: 'bt2020-ncl' as VideoMatrixCoefficients })).toBeNull();
	});
});

describe('planesToImage', () => {
	// A 4x2 I420 frame: the left half red, the right half blue (BT.601 limited range).
	const frame = (): PlanarFrame => ({
		format: 'I420',
		width: 4,
		height: 2,
		data: new Uint8Array([81, 81, 41, 41, 81, 81, 41, 41, 90, 240, 240, 110]),
		offsets: [0, 8, 10],
		...yuvToRgb({ matrix: 'smpte170m', fullRange: false })!
	});
	const image = (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }) as ImageData;

	it('samples the frame down to the picture, in colour', () => {
		const out = planesToImage(frame(), image(2, 1));
		const near = (got: Uint8ClampedArray, want: number[]) => want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThan(8));
		near(out.data.slice(0, 3), [255, 0, 0]);
		near(out.data.slice(4, 7), [0, 0, 255]);
		expect(out.data[3]).toBe(255);
	});

	it('mirrors where asked', () => {
		const out = planesToImage(frame(), image(2, 1), true);
		expect(out.data[2]).toBeGreaterThan(240);
		expect(out.data[4]).toBeGreaterThan(240);
	});

	it('converts every pixel as the shader would, within one level, for NV12 and BT.709 too', () => {
		const space = { matrix: 'bt709', fullRange: false } as const;
		const W = 6;
		const H = 4;
		const data = Uint8Array.from({ length: W * H + (W / 2) * (H / 2) * 2 }, (_, i) => (i * 97 + 13) % 256);
		const p: PlanarFrame = { format: 'NV12', width: W, height: H, data, offsets: [0, W * H], ...yuvToRgb(space)! };
		const out = planesToImage(p, image(W, H));
		for (let y = 0; y < H; y++)
			for (let x = 0; x < W; x++) {
				const c = W * H + (y >> 1) * W + (x >> 1) * 2;
				const want = convert(space, data[y * W + x], data[c], data[c + 1]).map((v) => Math.max(0, Math.min(255, v * 255)));
				const k = (y * W + x) * 4;
				for (let i = 0; i < 3; i++) expect(Math.abs(out.data[k + i] - want[i])).toBeLessThanOrEqual(1);
				expect(out.data[k + 3]).toBe(255);
			}
	});
});
