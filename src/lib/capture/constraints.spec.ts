import { describe, expect, it } from 'vitest';
import {
	PREVIEW_IDEAL,
	clamp,
	constraintLadder,
	isRange,
	photoSettings,
	videoConstraints
} from './constraints';

describe('clamp', () => {
	it('returns the value unchanged when there is no range', () => {
		expect(clamp(12.34, undefined)).toBe(12.34);
		expect(clamp(-5, undefined)).toBe(-5);
	});

	it('returns the value unchanged for a range with no bounds or step', () => {
		expect(clamp(42, {})).toBe(42);
	});

	it('raises a value below min to min and lowers a value above max to max', () => {
		expect(clamp(10, { min: 100, max: 200 })).toBe(100);
		expect(clamp(300, { min: 100, max: 200 })).toBe(200);
		expect(clamp(150, { min: 100, max: 200 })).toBe(150);
	});

	it('honours a single bound', () => {
		expect(clamp(5, { min: 10 })).toBe(10);
		expect(clamp(50, { min: 10 })).toBe(50);
		expect(clamp(50, { max: 10 })).toBe(10);
		expect(clamp(5, { max: 10 })).toBe(5);
	});

	it('snaps onto the step grid measured from min', () => {
		const r = { min: 640, max: 4096, step: 16 };
		expect(clamp(1000, r)).toBe(1008); // 640 + 23 * 16 (22.5 rounds up)
		expect(clamp(1001, r)).toBe(1008);
		expect(clamp(999, r)).toBe(992); // 640 + 22 * 16 (22.44 rounds down)
		expect(clamp(640, r)).toBe(640);
		expect(clamp(4096, r)).toBe(4096);
	});

	it('never goes past max when max is not on the step grid', () => {
		// Grid is 0, 3, 6, 9, 12; 10 and above must land on 9, not 12.
		const r = { min: 0, max: 10, step: 3 };
		expect(clamp(10, r)).toBe(9);
		expect(clamp(11, r)).toBe(9);
		expect(clamp(7, r)).toBe(6);
		expect(clamp(8, r)).toBe(9);
	});

	it('ignores the step when there is no min to measure it from', () => {
		expect(clamp(7, { max: 10, step: 3 })).toBe(7);
	});

	it('ignores a zero or negative step', () => {
		expect(clamp(7.3, { min: 0, max: 10, step: 0 })).toBe(7.3);
		expect(clamp(7.3, { min: 0, max: 10, step: -1 })).toBe(7.3);
	});

	it('leaves no floating point dust with a 0.1 step', () => {
		const r = { min: 0, max: 1, step: 0.1 };
		expect(clamp(0.3, r)).toBe(0.3);
		expect(clamp(0.7, r)).toBe(0.7);
		expect(clamp(0.33, r)).toBe(0.3);
		expect(clamp(0.36, r)).toBe(0.4);
		expect(clamp(1, r)).toBe(1);
		for (let i = 0; i <= 10; i++) {
			const v = clamp(i / 10 + 0.01, r);
			expect(String(v).length).toBeLessThanOrEqual(3);
		}
	});

	it('keeps a value at max whose step arithmetic lands a hair above it', () => {
		expect(clamp(0.3, { min: 0, max: 0.3, step: 0.1 })).toBe(0.3);
		expect(clamp(0.7, { min: 0.1, max: 0.7, step: 0.2 })).toBe(0.7);
		expect(clamp(5, { min: 0, max: 0.3, step: 0.1 })).toBe(0.3);
	});

	it('leaves no floating point dust with a 0.01 step offset from min', () => {
		const r = { min: 0.5, max: 1, step: 0.01 };
		expect(clamp(0.923, r)).toBe(0.92);
		expect(clamp(0.57, r)).toBe(0.57);
	});

	it('falls back to max for NaN and infinities', () => {
		const r = { min: 1, max: 8 };
		expect(clamp(NaN, r)).toBe(8);
		expect(clamp(Infinity, r)).toBe(8);
		expect(clamp(-Infinity, r)).toBe(8);
	});

	it('falls back to min for a non-finite value when there is no max', () => {
		expect(clamp(NaN, { min: 3 })).toBe(3);
	});

	it('falls back to 0 for a non-finite value when the range has no bounds', () => {
		expect(clamp(NaN, {})).toBe(0);
		expect(clamp(Infinity, { step: 2 })).toBe(0);
	});

	it('passes NaN through when there is no range at all', () => {
		expect(clamp(NaN, undefined)).toBeNaN();
	});
});

describe('isRange', () => {
	it('is true for a range with min below max', () => {
		expect(isRange({ min: 0, max: 10 })).toBe(true);
		expect(isRange({ min: 640, max: 4096, step: 16 })).toBe(true);
	});

	it('is false for undefined, an empty range, or a missing bound', () => {
		expect(isRange(undefined)).toBe(false);
		expect(isRange({})).toBe(false);
		expect(isRange({ min: 0 })).toBe(false);
		expect(isRange({ max: 10 })).toBe(false);
	});

	it('is false when max is below min', () => {
		expect(isRange({ min: 10, max: 5 })).toBe(false);
	});
});

describe('photoSettings', () => {
	const caps = {
		imageWidth: { min: 640, max: 4032, step: 16 },
		imageHeight: { min: 480, max: 3024, step: 16 }
	};

	it('returns {} when there are no capabilities', () => {
		expect(photoSettings(undefined)).toEqual({});
		expect(photoSettings(undefined, { width: 1920, height: 1080 })).toEqual({});
	});

	it('returns {} when the capabilities report no usable ranges', () => {
		expect(photoSettings({})).toEqual({});
		expect(photoSettings({ imageWidth: {}, imageHeight: { min: 1 } })).toEqual({});
		expect(photoSettings({ fillLightMode: ['off'], redEyeReduction: 'never' })).toEqual({});
	});

	it('asks for the largest size by default', () => {
		expect(photoSettings(caps)).toEqual({ imageWidth: 4032, imageHeight: 3024 });
		expect(photoSettings(caps, {})).toEqual({ imageWidth: 4032, imageHeight: 3024 });
	});

	it('uses the wanted size when it is inside the ranges', () => {
		expect(photoSettings(caps, { width: 1920, height: 1088 })).toEqual({
			imageWidth: 1920,
			imageHeight: 1088
		});
	});

	it('clamps the wanted size into the ranges and onto the step grid', () => {
		expect(photoSettings(caps, { width: 10000, height: 100 })).toEqual({
			imageWidth: 4032,
			imageHeight: 480
		});
		// 1080 is not on the 480 + 16n grid: 1080 - 480 = 600 = 37.5 steps -> 38 -> 1088.
		expect(photoSettings(caps, { width: 1921, height: 1080 })).toEqual({
			imageWidth: 1920,
			imageHeight: 1088
		});
	});

	it('clamps width and height independently, defaulting the one not asked for', () => {
		expect(photoSettings(caps, { width: 1280 })).toEqual({ imageWidth: 1280, imageHeight: 3024 });
		expect(photoSettings(caps, { height: 720 })).toEqual({ imageWidth: 4032, imageHeight: 720 });
	});

	it('only sets the dimensions the camera reports a range for', () => {
		expect(photoSettings({ imageWidth: { min: 100, max: 2000 } })).toEqual({ imageWidth: 2000 });
		expect(photoSettings({ imageHeight: { min: 100, max: 1500 } }, { height: 50 })).toEqual({
			imageHeight: 100
		});
	});

	it('gives a fixed-size camera (min == max) its one size whatever is wanted', () => {
		const fixed = {
			imageWidth: { min: 1280, max: 1280 },
			imageHeight: { min: 720, max: 720 }
		};
		expect(photoSettings(fixed)).toEqual({ imageWidth: 1280, imageHeight: 720 });
		expect(photoSettings(fixed, { width: 4000, height: 3000 })).toEqual({
			imageWidth: 1280,
			imageHeight: 720
		});
		expect(photoSettings(fixed, { width: 10, height: 10 })).toEqual({
			imageWidth: 1280,
			imageHeight: 720
		});
	});

	it('falls back to the max for a non-finite wanted size', () => {
		expect(photoSettings(caps, { width: NaN, height: Infinity })).toEqual({
			imageWidth: 4032,
			imageHeight: 3024
		});
	});
});

describe('videoConstraints', () => {
	it('asks for the default (user-facing) camera when no device is given', () => {
		expect(videoConstraints({ deviceId: '' })).toEqual({
			width: { ideal: PREVIEW_IDEAL.width },
			height: { ideal: PREVIEW_IDEAL.height },
			facingMode: { ideal: 'user' }
		});
	});

	it('asks for the exact device when exact is set', () => {
		const c = videoConstraints({ deviceId: 'cam-1', exact: true });
		expect(c).toEqual({
			width: { ideal: 1920 },
			height: { ideal: 1080 },
			deviceId: { exact: 'cam-1' }
		});
		expect(c).not.toHaveProperty('facingMode');
	});

	it('only prefers the device when exact is not set', () => {
		expect(videoConstraints({ deviceId: 'cam-1' })).toEqual({
			width: { ideal: 1920 },
			height: { ideal: 1080 },
			deviceId: { ideal: 'cam-1' }
		});
		expect(videoConstraints({ deviceId: 'cam-1', exact: false }).deviceId).toEqual({
			ideal: 'cam-1'
		});
	});

	it('returns a fresh object each time', () => {
		const a = videoConstraints({ deviceId: '' });
		const b = videoConstraints({ deviceId: '' });
		expect(a).not.toBe(b);
		expect(a.width).not.toBe(b.width);
	});
});

describe('constraintLadder', () => {
	it('starts with the exact device when one is given, and ends with {}', () => {
		const ladder = constraintLadder('cam-1');
		expect(ladder[0]).toEqual(videoConstraints({ deviceId: 'cam-1', exact: true }));
		expect(ladder[0].deviceId).toEqual({ exact: 'cam-1' });
		expect(ladder[ladder.length - 1]).toEqual({});
	});

	it('then asks for the chosen device as a preference before any camera', () => {
		const ladder = constraintLadder('cam-1');
		expect(ladder[1].deviceId).toEqual({ ideal: 'cam-1' });
		expect(ladder).toEqual([
			videoConstraints({ deviceId: 'cam-1', exact: true }),
			videoConstraints({ deviceId: 'cam-1', exact: false }),
			videoConstraints({ deviceId: '' }),
			{}
		]);
	});

	it('never asks for the device exactly after the first rung', () => {
		for (const rung of constraintLadder('cam-1').slice(1)) {
			expect(rung.deviceId).not.toEqual({ exact: 'cam-1' });
		}
	});

	it('without a device, asks for the default camera and then anything', () => {
		expect(constraintLadder('')).toEqual([videoConstraints({ deviceId: '' }), {}]);
	});

	it('never asks for an exact device when none is given', () => {
		for (const rung of constraintLadder('')) {
			expect(JSON.stringify(rung)).not.toContain('exact');
		}
	});
});

