import { describe, expect, it } from 'vitest';
import { MOVING, STEADY, smoothMask } from './smooth';

const alpha = (...a: number[]) => new Uint8ClampedArray(a.flatMap((v) => [0, 0, 0, v]));

describe('smoothMask', () => {
	it('damps small changes (flicker at an edge) and follows large ones (movement)', () => {
		const running = alpha(200, 0, 255);
		smoothMask(running, alpha(160, 255, 255));
		expect(running[3]).toBe(Math.round(200 - 40 * STEADY));
		expect(running[7]).toBe(Math.round(255 * MOVING));
		expect(running[11]).toBe(255);
	});

	it('settles on a mask that stops changing', () => {
		const running = alpha(0);
		for (let i = 0; i < 20; i++) smoothMask(running, alpha(180));
		expect(Math.abs(running[3] - 180)).toBeLessThanOrEqual(1);
	});

	it('touches only the alpha', () => {
		const running = new Uint8ClampedArray([1, 2, 3, 4]);
		smoothMask(running, new Uint8ClampedArray([9, 9, 9, 4]));
		expect([...running]).toEqual([1, 2, 3, 4]);
	});
});
