/**
 * Drawing a strip from its shots: the background, each shot centre-cropped into its cell, the
 * caption and date in each band, and the overlay (a transparent PNG, a frame with a logo) over
 * all of it. The same function draws on the page and in a worker, so a strip drawn again later
 * from its recipe comes out as it did the first time.
 */
import { hexToRgb } from '$lib/colour';
import type { Context2D } from '$lib/pixels/canvas';
import type { Size } from '$lib/pixels/geometry';
import type { THEME_IDS } from './ids';
import { coverCrop, type Rect, type StripLayout } from './layouts';

export { isBackground } from './ids';

export interface Theme {
	id: (typeof THEME_IDS)[number];
	label: string;
	background: string;
	ink: string;
}

/** Built-in looks: a background and the ink its text is written in. */
export const THEMES: readonly Theme[] = [
	{ id: 'classic', label: 'Classic white', background: '#ffffff', ink: '#1d1d22' },
	{ id: 'night', label: 'Night', background: '#101018', ink: '#f4f4f8' },
	{ id: 'blush', label: 'Blush', background: '#f7d9de', ink: '#4a1f2c' },
	{ id: 'mint', label: 'Mint', background: '#d6f0e4', ink: '#17392c' },
	{ id: 'gold', label: 'Gold', background: '#f3e3b5', ink: '#3d2f0a' }
];

/** The look of a strip, as data (it is stored with the strip, in settings and in backups). */
export interface StripDesign {
	/** The event's name, under the shots ('' for none). */
	caption: string;
	/** The date of the first shot beside the caption. */
	date: boolean;
	/** A built-in theme's id (see THEMES), or a background colour '#rrggbb'. */
	background: string;
}

/** The background and ink a design asks for; a colour of its own gets dark or light ink by its brightness. */
export function colours(design: StripDesign): { background: string; ink: string } {
	const theme = THEMES.find((t) => t.id === design.background);
	if (theme) return theme;
	const rgb = hexToRgb(design.background);
	if (!rgb) return THEMES[0];
	const [r, g, b] = rgb;
	// Relative luminance, roughly: light backgrounds get dark ink.
	const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140;
	return { background: design.background.toLowerCase(), ink: light ? '#1d1d22' : '#f4f4f8' };
}

/** A date as a strip shows it: "30 November 2026", in the person's language. */
export function stripDate(ms: number, locale?: string): string {
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
}

/** The lines a band shows: the caption and the date, each only where there is one. */
export function bandLines(design: StripDesign, takenAt: number, locale?: string): string[] {
	return [design.caption.trim(), design.date ? stripDate(takenAt, locale) : ''].filter(Boolean);
}

function drawBand(ctx: Context2D, band: Rect, lines: string[], ink: string): void {
	if (!lines.length) return;
	// The caption larger, the date smaller beneath it; both fit the band's width.
	const sizes = lines.length === 2 ? [0.34, 0.22] : [0.4];
	const total = sizes.reduce((a, b) => a + b, 0) * band.height;
	let y = band.y + (band.height - total) / 2;
	ctx.fillStyle = ink;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'top';
	lines.forEach((line, i) => {
		let size = Math.round(sizes[i] * band.height);
		ctx.font = `${i === 0 ? 700 : 400} ${size}px system-ui, sans-serif`;
		const width = ctx.measureText(line).width;
		if (width > band.width * 0.92) {
			size = Math.floor((size * band.width * 0.92) / width);
			ctx.font = `${i === 0 ? 700 : 400} ${size}px system-ui, sans-serif`;
		}
		ctx.fillText(line, band.x + band.width / 2, y, band.width);
		y += sizes[i] * band.height;
	});
}

/**
 * Draws the strip onto a context the size of `layout.size`. `shots[i]` is the picture for shot
 * i (a bitmap or canvas with its size); a missing one leaves its cell the background.
 */
export function drawStrip(
	ctx: Context2D,
	layout: StripLayout,
	shots: readonly ((CanvasImageSource & Size) | undefined)[],
	design: StripDesign,
	takenAt: number,
	overlay?: CanvasImageSource
): void {
	const { background, ink } = colours(design);
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, layout.size.width, layout.size.height);
	ctx.imageSmoothingQuality = 'high';
	for (const { shot, rect } of layout.cells) {
		const picture = shots[shot];
		if (!picture) continue;
		const crop = coverCrop(picture, rect);
		ctx.drawImage(picture, crop.x, crop.y, crop.width, crop.height, rect.x, rect.y, rect.width, rect.height);
	}
	const lines = bandLines(design, takenAt);
	for (const band of layout.captions) drawBand(ctx, band, lines, ink);
	if (overlay) ctx.drawImage(overlay, 0, 0, layout.size.width, layout.size.height);
}
