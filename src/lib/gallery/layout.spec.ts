import { describe, expect, it } from 'vitest';
import { dayKey, layoutGrid, rowOf, rowsBetween, type TileRow } from './layout';

const opts = { minTile: 100, gap: 4, headerHeight: 40 };
const day = (d: number, h = 12) => new Date(2026, 10, d, h, 0, 0).getTime();

/** Newest first: n photos on each given day, a minute apart. */
function photos(perDay: [number, number][]): { takenAt: number }[] {
	return perDay.flatMap(([d, n]) => Array.from({ length: n }, (_, i) => ({ takenAt: day(d) - i * 60_000 })));
}

describe('dayKey', () => {
	it('is the local date', () => {
		expect(dayKey(new Date(2026, 0, 2, 23, 59).getTime())).toBe('2026-01-02');
		expect(dayKey(new Date(2026, 0, 3, 0, 0).getTime())).toBe('2026-01-03');
	});
});

describe('layoutGrid', () => {
	it('fits as many columns as the minimum tile allows and shares out the rest', () => {
		const l = layoutGrid(photos([[24, 1]]), 420, opts);
		expect(l.columns).toBe(4); // 4 * 100 + 3 * 4 = 412 <= 420
		expect(l.tile).toBe(102); // (420 - 12) / 4
		expect(layoutGrid(photos([[24, 1]]), 50, opts).columns).toBe(1);
	});

	it('puts a heading before each day and cuts the day into rows of whole columns', () => {
		const l = layoutGrid(photos([[24, 5], [23, 2]]), 420, opts);
		expect(l.rows.map((r) => (r.kind === 'day' ? `day ${r.key} ${r.count}` : `${r.start}-${r.end}`))).toEqual([
			'day 2026-11-24 5',
			'0-4',
			'4-5',
			'day 2026-11-23 2',
			'5-7'
		]);
		const ys = l.rows.map((r) => r.y);
		expect(ys).toEqual([0, 40, 146, 252, 292]);
		expect(l.height).toBe(292 + 106);
	});

	it('is empty for no photos', () => {
		expect(layoutGrid([], 800, opts)).toMatchObject({ rows: [], height: 0 });
	});

	// How fast is the bench's business (Gallery 10k), not a clock in a test on a shared machine.
	it('lays out 10,000 photos, every one in a row', () => {
		const many = Array.from({ length: 10_000 }, (_, i) => ({ takenAt: day(24) - i * 600_000 }));
		const l = layoutGrid(many, 1200, opts);
		const tiles = l.rows.filter((r): r is TileRow => r.kind === 'tiles');
		expect(tiles.reduce((n, r) => n + r.end - r.start, 0)).toBe(10_000);
	});
});

describe('rowsBetween', () => {
	const l = layoutGrid(photos([[24, 9], [23, 9], [22, 9]]), 420, opts);

	it('gives only the rows overlapping the window', () => {
		const rows = rowsBetween(l, 150, 300);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.y).toBeLessThan(300);
			expect(r.y + r.height).toBeGreaterThan(150);
		}
		const all = l.rows.filter((r) => r.y < 300 && r.y + r.height > 150);
		expect(rows).toEqual(all);
	});

	it('gives nothing past the end and everything for a tall window', () => {
		expect(rowsBetween(l, l.height + 10, l.height + 500)).toEqual([]);
		expect(rowsBetween(l, 0, l.height)).toEqual(l.rows);
	});
});

describe('rowOf', () => {
	it('finds the tile row of every photo', () => {
		const l = layoutGrid(photos([[24, 9], [23, 1], [22, 6]]), 420, opts);
		for (let i = 0; i < 16; i++) {
			const row = rowOf(l, i)!;
			expect(row.kind).toBe('tiles');
			expect(i >= row.start && i < row.end).toBe(true);
		}
		expect(rowOf(l, 16)).toBeUndefined();
	});
});
