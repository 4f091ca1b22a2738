import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
	it('runs once at a time, and once more for any calls made meanwhile', async () => {
		let runs = 0;
		let release: () => void = () => {};
		const refresh = coalesce(async () => {
			runs++;
			await new Promise<void>((r) => (release = r));
		});
		const first = refresh();
		for (let i = 0; i < 100; i++) void refresh();
		expect(runs).toBe(1);
		release();
		await new Promise((r) => setTimeout(r));
		expect(runs).toBe(2);
		release();
		await first;
		expect(runs).toBe(2);
		// Later calls run again.
		const later = refresh();
		expect(runs).toBe(3);
		release();
		await later;
	});

	it('goes on after a failed run', async () => {
		let runs = 0;
		const refresh = coalesce(async () => {
			runs++;
			if (runs === 1) throw new Error('no');
		});
		await expect(refresh()).rejects.toThrow('no');
		await refresh();
		expect(runs).toBe(2);
	});
});
