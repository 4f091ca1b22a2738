import { describe, expect, it } from 'vitest';
import { MIN_FLASH_GAP_MS, mayFlash } from './flash';

describe('mayFlash', () => {
	it('lets the first press flash', () => {
		expect(mayFlash(1000, undefined)).toBe(true);
	});

	it('never flashes the screen more than three times in a second', () => {
		let last: number | undefined;
		const flashes: number[] = [];
		// Twenty presses a second, for two seconds (a held key, a burst of taps).
		for (let t = 0; t < 2000; t += 50) {
			if (mayFlash(t, last)) {
				last = t;
				flashes.push(t);
			}
		}
		for (const start of flashes) {
			expect(flashes.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(3);
		}
		expect(flashes.length).toBeGreaterThanOrEqual(5);
	});

	it('flashes again once the gap has passed', () => {
		expect(mayFlash(1000 + MIN_FLASH_GAP_MS - 1, 1000)).toBe(false);
		expect(mayFlash(1000 + MIN_FLASH_GAP_MS, 1000)).toBe(true);
	});
});
