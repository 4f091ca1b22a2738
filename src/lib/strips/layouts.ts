/**
 * Print layouts for photo strips and collages, at 300 dpi: where each shot goes (its cell), and
 * where the caption band is. Pure geometry, so every layout's page size and cells are checked
 * without a browser; the compositor draws by it (each shot centre-cropped to fill its cell,
 * never stretched).
 */
import type { Size } from '$lib/pixels/geometry';
import type { LayoutId } from './ids';

/** Pixels per inch of every layout: what print shops and booth printers expect. */
export const DPI = 300;

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface StripLayout {
	id: LayoutId;
	/** Its name in the "Layout" radio group. */
	label: string;
	/** The printed page, in inches (CSS @page size). */
	inches: { width: number; height: number };
	/** The page in pixels at DPI. */
	size: Size;
	/** How many shots a session takes for it. */
	shots: number;
	/** Where shot i goes; a cell may repeat a shot (two strips on one sheet). */
	cells: { shot: number; rect: Rect }[];
	/** Where the caption and date go: one band per strip (two strips on a sheet have two). */
	captions: Rect[];
}

export type { LayoutId };

const px = (inches: number) => Math.round(inches * DPI);

/** A column of `n` cells inside `area`, `gap` apart, with the remaining height below for the band. */
function column(area: Rect, n: number, cellHeight: number, gap: number): Rect[] {
	return Array.from({ length: n }, (_, i) => ({ x: area.x, y: area.y + i * (cellHeight + gap), width: area.width, height: cellHeight }));
}

/** A 2x6 in strip of `shots` stacked shots with a caption band at the foot, at offset `x`. */
function strip(x: number, shots: number): { cells: Rect[]; caption: Rect } {
	const margin = px(0.1);
	const gap = px(0.08);
	const width = px(2) - 2 * margin;
	const band = px(shots === 4 ? 0.9 : 1.4);
	const height = Math.floor((px(6) - 2 * margin - band - (shots - 1) * gap) / shots);
	const cells = column({ x: x + margin, y: margin, width, height: 0 }, shots, height, gap);
	const bottom = cells[shots - 1].y + height + gap;
	return { cells, caption: { x: x + margin, y: bottom, width, height: px(6) - margin - bottom } };
}

function grid(width: number, height: number): { cells: Rect[]; caption: Rect } {
	const margin = px(0.15);
	const gap = px(0.1);
	const band = px(0.8);
	const cellW = Math.floor((width - 2 * margin - gap) / 2);
	const cellH = Math.floor((height - 2 * margin - band - gap) / 2);
	const cells = [0, 1, 2, 3].map((i) => ({
		x: margin + (i % 2) * (cellW + gap),
		y: margin + Math.floor(i / 2) * (cellH + gap),
		width: cellW,
		height: cellH
	}));
	const top = margin + 2 * cellH + gap;
	return { cells, caption: { x: margin, y: top, width: width - 2 * margin, height: height - margin - top } };
}

function postcard(): { cells: Rect[]; caption: Rect } {
	const width = px(6);
	const height = px(4);
	const margin = px(0.15);
	const gap = px(0.1);
	const band = px(0.6);
	const smallW = Math.floor((width - 2 * margin - gap) / 3);
	const bigW = width - 2 * margin - gap - smallW;
	const contentH = height - 2 * margin - band;
	const smallH = Math.floor((contentH - 2 * gap) / 3);
	const big = { x: margin, y: margin, width: bigW, height: contentH };
	const smalls = [0, 1, 2].map((i) => ({ x: margin + bigW + gap, y: margin + i * (smallH + gap), width: smallW, height: smallH }));
	return { cells: [big, ...smalls], caption: { x: margin, y: margin + contentH, width: width - 2 * margin, height: band } };
}

function single(): { cells: Rect[]; caption: Rect } {
	const width = px(4);
	const height = px(6);
	const margin = px(0.25);
	const band = px(1);
	return {
		cells: [{ x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin - band }],
		caption: { x: margin, y: height - margin - band, width: width - 2 * margin, height: band }
	};
}

function layout(
	id: LayoutId,
	label: string,
	inches: { width: number; height: number },
	parts: { cells: Rect[]; captions: Rect[] },
	shotOf: (cell: number) => number = (i) => i
): StripLayout {
	const shots = new Set(parts.cells.map((_, i) => shotOf(i))).size;
	return {
		id,
		label,
		inches,
		size: { width: px(inches.width), height: px(inches.height) },
		shots,
		cells: parts.cells.map((rect, i) => ({ shot: shotOf(i), rect })),
		captions: parts.captions
	};
}

const captioned = ({ cells, caption }: { cells: Rect[]; caption: Rect }) => ({ cells, captions: [caption] });

/** The 2x6 strip with 3 or 4 shots (four, as Apple Photo Booth and the event booths print). */
export function stripLayout(shots: 3 | 4 = 4): StripLayout {
	const { cells, caption } = strip(0, shots);
	return layout('strip-2x6', '2x6 strip', { width: 2, height: 6 }, { cells, captions: [caption] });
}

/** Every layout, in the order the "Layout" group lists them. */
export function layouts(stripShots: 3 | 4 = 4): StripLayout[] {
	const left = strip(0, stripShots);
	const right = strip(px(2), stripShots);
	return [
		stripLayout(stripShots),
		layout(
			'two-strips-4x6',
			'Two strips (4x6)',
			{ width: 4, height: 6 },
			// The same strip twice, side by side, to cut in half: each half has its caption.
			{ cells: [...left.cells, ...right.cells], captions: [left.caption, right.caption] },
			(i) => i % stripShots
		),
		layout('grid-2x2', '2x2 grid', { width: 4, height: 6 }, captioned(grid(px(4), px(6)))),
		layout('grid-2x2-landscape', '2x2 grid (landscape)', { width: 6, height: 4 }, captioned(grid(px(6), px(4)))),
		layout('postcard', 'Postcard', { width: 6, height: 4 }, captioned(postcard())),
		layout('single', 'Single', { width: 4, height: 6 }, captioned(single()))
	];
}

/** The part of a shot of size `shot` that fills `cell` without stretching: a centred crop. */
export function coverCrop(shot: Size, cell: Size): Rect {
	const scale = Math.max(cell.width / shot.width, cell.height / shot.height);
	const width = cell.width / scale;
	const height = cell.height / scale;
	return { x: (shot.width - width) / 2, y: (shot.height - height) / 2, width, height };
}

/** The size shot `shot` is drawn at: its largest cell in `layout` (undefined if it has none). */
export function shotCell(layout: StripLayout, shot: number): Size | undefined {
	let best: Rect | undefined;
	for (const cell of layout.cells) {
		if (cell.shot === shot && (!best || cell.rect.width * cell.rect.height > best.width * best.height)) best = cell.rect;
	}
	return best && { width: best.width, height: best.height };
}
