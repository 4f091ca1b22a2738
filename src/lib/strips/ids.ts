/**
 * The names a strip's settings may take, as small data the settings check against without
 * loading the layouts or the drawing code (they are not needed for the camera's first frame).
 */
export const LAYOUT_IDS = ['strip-2x6', 'two-strips-4x6', 'grid-2x2', 'grid-2x2-landscape', 'postcard', 'single'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

/** How many shots a layout takes (a 2x6 strip, alone or twice on a sheet, takes `stripShots`). */
export function layoutShots(id: string, stripShots: number): number {
	if (id === 'single') return 1;
	if (id === 'strip-2x6' || id === 'two-strips-4x6') return stripShots === 3 ? 3 : 4;
	return 4;
}

/** The built-in looks' ids (their colours are in draw.ts, with the drawing). */
export const THEME_IDS = ['classic', 'night', 'blush', 'mint', 'gold'] as const;

/** Whether a design's background is one a strip can have: a theme's id or '#rrggbb'. */
export function isBackground(v: unknown): v is string {
	return typeof v === 'string' && ((THEME_IDS as readonly string[]).includes(v) || /^#[0-9a-f]{6}$/i.test(v));
}
