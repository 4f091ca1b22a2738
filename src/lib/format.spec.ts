import { describe, expect, it } from 'vitest';
import { fileStamp, formatDateTime, formatDay, formatDuration, itemAlt, photoAlt, savedMessage } from './format';
import { dayKey } from './gallery/layout';
import { newestFirst } from './photos/gallery.svelte';
import type { PhotoMeta } from './photos/types';

// Times a damaged record or a hostile backup can hold: each once threw RangeError from a date
// formatter, and one such photo left the whole gallery empty.
const BAD = [8_700_000_000_000_000, Number.NaN, Number.POSITIVE_INFINITY, '1700000000000' as unknown as number, undefined as unknown as number];

describe('formatting a time that is not one', () => {
	it('says the date is unknown instead of throwing', () => {
		for (const t of BAD) {
			expect(formatDateTime(t)).toBe('Unknown date');
			expect(formatDay(t)).toBe('Unknown date');
			expect(photoAlt(t)).toBe('Photo taken at an unknown date');
			expect(itemAlt({ takenAt: t, kind: 'strip', strip: { shots: ['a', 'b'] } })).toBe('Strip of 2 photos, made at an unknown date');
			expect(fileStamp(t)).toMatch(/^19(69|70)-\d\d-\d\d-\d{6}$/);
			expect(dayKey(t)).toMatch(/^19(69|70)-\d\d-\d\d$/);
		}
	});

	it('still formats a good time', () => {
		const t = Date.UTC(2026, 10, 24, 12);
		expect(formatDateTime(t)).toMatch(/2026/);
		expect(photoAlt(t)).toMatch(/^Photo taken .*2026/);
	});

	it('sorts a damaged time first, as the time index does, without breaking the order of the rest', () => {
		const m = (id: string, takenAt: number) => ({ id, takenAt }) as PhotoMeta;
		const list = [m('a', 1000), m('bad', BAD[0]), m('b', 3000), m('str', BAD[3]), m('c', 2000)];
		expect(list.sort(newestFirst).map((p) => p.id)).toEqual(['str', 'bad', 'b', 'c', 'a']);
	});
});

describe('moving pictures in words', () => {
	const t = Date.UTC(2026, 10, 24, 12);
	it('names a GIF, a boomerang and a video with their length', () => {
		expect(itemAlt({ takenAt: t, kind: 'gif', duration: 2000 })).toMatch(/^GIF, 0:02, made .*2026/);
		expect(itemAlt({ takenAt: t, kind: 'boomerang', duration: 5600 })).toMatch(/^Boomerang, 0:05, made /);
		expect(itemAlt({ takenAt: t, type: 'video/webm' })).toMatch(/^Video, made /);
		expect(formatDuration(65_400)).toBe('1:05');
	});

	it('says what a press saved', () => {
		expect(savedMessage([{}])).toBe('Photo saved');
		expect(savedMessage([{}, {}, {}])).toBe('3 photos saved');
		expect(savedMessage([{ kind: 'gif' }])).toBe('GIF saved');
		expect(savedMessage([{ kind: 'boomerang' }, { kind: 'gif' }])).toBe('Boomerang and GIF saved');
		expect(savedMessage([{}, {}, {}, {}, { kind: 'strip' }])).toBe('Strip saved, with its 4 photos');
	});
});
