import { describe, expect, it } from 'vitest';
import { photoFileName, uniqueNamer } from './filename';

describe('photoFileName', () => {
	const t = new Date(2026, 10, 24, 14, 30, 5).getTime();

	it('names a JPEG by its local capture time', () => {
		expect(photoFileName(t, 'image/jpeg')).toBe('photobooth-2026-11-24-143005.jpg');
	});

	it('uses the extension of the type', () => {
		expect(photoFileName(t, 'image/png')).toBe('photobooth-2026-11-24-143005.png');
		expect(photoFileName(t, 'image/webp')).toBe('photobooth-2026-11-24-143005.webp');
		expect(photoFileName(t, 'image/gif')).toBe('photobooth-2026-11-24-143005.gif');
		expect(photoFileName(t, '')).toBe('photobooth-2026-11-24-143005.img');
	});

	it('zero-pads month, day, hours, minutes and seconds', () => {
		const early = new Date(2027, 0, 2, 3, 4, 5).getTime();
		expect(photoFileName(early, 'image/jpeg')).toBe('photobooth-2027-01-02-030405.jpg');
		const midnight = new Date(2025, 8, 9, 0, 0, 0).getTime();
		expect(photoFileName(midnight, 'image/png')).toBe('photobooth-2025-09-09-000000.png');
	});

	it('ignores milliseconds', () => {
		const withMs = new Date(2026, 11, 31, 23, 59, 59, 999).getTime();
		expect(photoFileName(withMs, 'image/jpeg')).toBe('photobooth-2026-12-31-235959.jpg');
	});

	it('sorts in capture order', () => {
		const times = [
			new Date(2026, 0, 1, 9, 0, 0),
			new Date(2026, 0, 1, 10, 0, 0),
			new Date(2026, 9, 1, 8, 0, 0),
			new Date(2026, 10, 24, 14, 30, 5)
		].map((d) => photoFileName(d.getTime(), 'image/jpeg'));
		expect([...times].reverse().sort()).toEqual(times);
	});
});

describe('uniqueNamer', () => {
	it('numbers photos of the same second -2, -3 and leaves others alone', () => {
		const name = uniqueNamer();
		const t = new Date(2026, 10, 24, 14, 30, 5).getTime();
		expect(name(t, 'image/jpeg')).toBe('photobooth-2026-11-24-143005.jpg');
		expect(name(t + 400, 'image/jpeg')).toBe('photobooth-2026-11-24-143005-2.jpg');
		expect(name(t + 900, 'image/jpeg')).toBe('photobooth-2026-11-24-143005-3.jpg');
		expect(name(t, 'image/png')).toBe('photobooth-2026-11-24-143005.png');
		expect(name(t + 1000, 'image/jpeg')).toBe('photobooth-2026-11-24-143006.jpg');
	});

	it('starts afresh for each archive', () => {
		const t = new Date(2026, 10, 24, 14, 30, 5).getTime();
		uniqueNamer()(t, 'image/jpeg');
		expect(uniqueNamer()(t, 'image/jpeg')).toBe('photobooth-2026-11-24-143005.jpg');
	});
});
