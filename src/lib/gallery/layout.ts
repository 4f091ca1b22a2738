/**
 * The virtualized grid's geometry, pure so it is unit-tested without a browser: photos (newest
 * first) are cut into days, each a heading row and rows of square tiles. Every row has a fixed
 * y, so the rows on screen are found by binary search and only those are rendered.
 */
import { localParts } from '$lib/format';

export interface DayRow {
	kind: 'day';
	/** Local date, yyyy-mm-dd. */
	key: string;
	/** Any capture time on that day, for the heading's label. */
	time: number;
	/** Index of the day's first photo, and how many it has. */
	start: number;
	count: number;
	y: number;
	height: number;
}

export interface TileRow {
	kind: 'tiles';
	key: string;
	/** Photos [start, end) of the list sit in this row. */
	start: number;
	end: number;
	y: number;
	height: number;
}

export type Row = DayRow | TileRow;

export interface GridLayout {
	rows: Row[];
	height: number;
	columns: number;
	/** Side of one square tile, px. */
	tile: number;
	gap: number;
}

export interface LayoutOptions {
	/** Narrowest a tile may be; columns are as many as fit. */
	minTile: number;
	gap: number;
	headerHeight: number;
}

/** The local calendar day of a time, yyyy-mm-dd. */
export function dayKey(ms: number): string {
	const p = localParts(ms);
	return `${p.year}-${p.month}-${p.day}`;
}

export function layoutGrid(
	items: readonly { takenAt: number }[],
	width: number,
	{ minTile, gap, headerHeight }: LayoutOptions
): GridLayout {
	const usable = Math.max(width, minTile);
	const columns = Math.max(1, Math.floor((usable + gap) / (minTile + gap)));
	const tile = Math.floor((usable - gap * (columns - 1)) / columns);
	const rows: Row[] = [];
	let y = 0;
	let i = 0;
	while (i < items.length) {
		const key = dayKey(items[i].takenAt);
		let end = i + 1;
		while (end < items.length && dayKey(items[end].takenAt) === key) end++;
		rows.push({ kind: 'day', key, time: items[i].takenAt, start: i, count: end - i, y, height: headerHeight });
		y += headerHeight;
		for (let s = i; s < end; s += columns) {
			rows.push({ kind: 'tiles', key: `${key}/${s - i}`, start: s, end: Math.min(s + columns, end), y, height: tile + gap });
			y += tile + gap;
		}
		i = end;
	}
	return { rows, height: y, columns, tile, gap };
}

/** Index of the first row that ends below `y` (rows.length when none does). */
function firstEndingBelow(rows: readonly Row[], y: number): number {
	let lo = 0;
	let hi = rows.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (rows[mid].y + rows[mid].height <= y) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The rows that overlap [top, bottom): what must be in the DOM. */
export function rowsBetween(layout: GridLayout, top: number, bottom: number): Row[] {
	const first = firstEndingBelow(layout.rows, top);
	let last = first;
	while (last < layout.rows.length && layout.rows[last].y < bottom) last++;
	return layout.rows.slice(first, last);
}

/** The row that holds photo `index` (to scroll it into view), if any. */
export function rowOf(layout: GridLayout, index: number): TileRow | undefined {
	// The last row starting at or before `index`: a day's heading shares its start with the day's
	// first tile row, which comes after it, so this is always a tile row.
	let lo = 0;
	let hi = layout.rows.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (layout.rows[mid].start <= index) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	const row = layout.rows[found];
	return row?.kind === 'tiles' && index < row.end ? row : undefined;
}
