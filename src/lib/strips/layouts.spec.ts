import { describe, expect, it } from 'vitest';
import { coverCrop, DPI, layouts, shotCell, stripLayout, type Rect } from './layouts';

const inside = (r: Rect, page: { width: number; height: number }) =>
	r.x >= 0 && r.y >= 0 && r.x + r.width <= page.width && r.y + r.height <= page.height && r.width > 0 && r.height > 0;
const overlap = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('strip layouts', () => {
	it('are the print sizes at 300 dpi', () => {
		const sizes = Object.fromEntries(layouts().map((l) => [l.id, [l.size.width, l.size.height]]));
		expect(sizes).toEqual({
			'strip-2x6': [600, 1800],
			'two-strips-4x6': [1200, 1800],
			'grid-2x2': [1200, 1800],
			'grid-2x2-landscape': [1800, 1200],
			postcard: [1800, 1200],
			single: [1200, 1800]
		});
		for (const l of layouts()) expect(l.size).toEqual({ width: l.inches.width * DPI, height: l.inches.height * DPI });
	});

	it('put every cell and caption on the page, none overlapping another', () => {
		for (const l of layouts(3).concat(layouts(4))) {
			const rects = [...l.cells.map((c) => c.rect), ...l.captions];
			for (const r of rects) expect(inside(r, l.size), `${l.id} ${JSON.stringify(r)}`).toBe(true);
			for (let i = 0; i < rects.length; i++)
				for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j]), `${l.id} ${i} ${j}`).toBe(false);
		}
	});

	it('take as many shots as they show, two strips on a sheet being one strip twice', () => {
		expect(stripLayout(3).shots).toBe(3);
		expect(stripLayout(4).shots).toBe(4);
		const two = layouts(4).find((l) => l.id === 'two-strips-4x6')!;
		expect(two.shots).toBe(4);
		expect(two.cells.map((c) => c.shot)).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
		expect(two.captions).toHaveLength(2);
		expect(layouts().find((l) => l.id === 'postcard')!.shots).toBe(4);
		expect(layouts().find((l) => l.id === 'single')!.shots).toBe(1);
	});
});

describe('shotCell', () => {
	it('is the largest place a shot is drawn at, for cutting it to size as it is taken', () => {
		const postcard = layouts().find((l) => l.id === 'postcard')!;
		const big = shotCell(postcard, 0)!;
		const small = shotCell(postcard, 1)!;
		expect(big.width * big.height).toBeGreaterThan(4 * small.width * small.height);
		expect(big).toEqual({ width: postcard.cells[0].rect.width, height: postcard.cells[0].rect.height });
		// Two strips on a sheet draw each shot twice, at the same size.
		const two = layouts().find((l) => l.id === 'two-strips-4x6')!;
		expect(shotCell(two, 2)).toEqual({ width: two.cells[6].rect.width, height: two.cells[6].rect.height });
		expect(shotCell(stripLayout(4), 4)).toBeUndefined();
	});
});

describe('coverCrop', () => {
	it('fills a cell from the centre of the shot without stretching', () => {
		// A 16:9 shot into a square cell: the middle square.
		expect(coverCrop({ width: 1920, height: 1080 }, { width: 500, height: 500 })).toEqual({ x: 420, y: 0, width: 1080, height: 1080 });
		// A tall cell: a centred column of the same shape as the cell.
		const r = coverCrop({ width: 1920, height: 1080 }, { width: 400, height: 800 });
		expect(r.width / r.height).toBeCloseTo(0.5);
		expect(r.x + r.width / 2).toBeCloseTo(960);
		expect(r.height).toBe(1080);
	});
});

import { checkRecipe } from './recipe';

describe('checkRecipe', () => {
	const good = { layout: 'postcard', stripShots: 4, shots: ['a', 'b', 'c', 'd'], design: { caption: 'Hi', date: true, background: '#112233' }, overlay: 'o1' };

	it('keeps a sound recipe as it is', () => {
		expect(checkRecipe(good)).toEqual(good);
	});

	it('refuses what cannot be laid out, and gives a bad design field its default', () => {
		expect(checkRecipe({ ...good, layout: 'poster' })).toBeNull();
		expect(checkRecipe({ ...good, stripShots: 5 })).toBeNull();
		expect(checkRecipe({ ...good, shots: [] })).toBeNull();
		expect(checkRecipe({ ...good, shots: ['a', 7] })).toBeNull();
		expect(checkRecipe('strip')).toBeNull();
		expect(checkRecipe({ ...good, design: { caption: 42, date: 'yes', background: 'url(x)' } })?.design).toEqual({ caption: '', date: false, background: 'classic' });
	});
});
