/**
 * A strip as data: which layout, which photos in which order, and its design. A strip is
 * stored as this recipe beside its rendered image, so it can be laid out again from its
 * original photos (another layout, another caption) without reshooting. Checked field by field
 * where it comes from outside (a backup).
 */
import type { StripDesign } from './draw';
import { isBackground, LAYOUT_IDS, type LayoutId } from './ids';

export interface StripRecipe {
	layout: LayoutId;
	/** Shots in a 2x6 strip (and each half of two strips on a sheet). */
	stripShots: 3 | 4;
	/** The ids of the photos, in shot order. */
	shots: string[];
	design: StripDesign;
	/** The id of the overlay drawn over it, if any (kept in the overlays store). */
	overlay?: string;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A recipe from outside (a backup's manifest) checked field by field; null when it cannot be trusted. */
export function checkRecipe(raw: unknown): StripRecipe | null {
	if (!raw || typeof raw !== 'object') return null;
	const r = raw as Record<string, unknown>;
	if (!isText(r.layout, 40) || !(LAYOUT_IDS as readonly string[]).includes(r.layout)) return null;
	if (r.stripShots !== 3 && r.stripShots !== 4) return null;
	if (!Array.isArray(r.shots) || r.shots.length < 1 || r.shots.length > 8 || !r.shots.every((s) => isText(s, 200) && s)) return null;
	const d = (r.design ?? {}) as Record<string, unknown>;
	const design: StripDesign = {
		caption: isText(d.caption, 80) ? d.caption : '',
		date: d.date === true,
		background: isBackground(d.background) ? d.background : 'classic'
	};
	return {
		layout: r.layout as LayoutId,
		stripShots: r.stripShots,
		shots: r.shots as string[],
		design,
		...(isText(r.overlay, 200) && r.overlay ? { overlay: r.overlay } : {})
	};
}
