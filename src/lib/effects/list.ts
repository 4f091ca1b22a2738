/**
 * The effects the booth offers, by name only: what the settings, the picker's buttons and the
 * label by the shutter need. The shaders are in shaders.ts, loaded only when an effect is used.
 * Ids are stored in settings and in recipes: keep them stable.
 */
export interface EffectInfo {
	id: string;
	label: string;
	/** A colour effect changes colours only; a distortion moves pixels. */
	kind: 'none' | 'colour' | 'distortion';
}

export const NORMAL = 'normal';

export const EFFECTS: readonly EffectInfo[] = [
	{ id: NORMAL, label: 'Normal', kind: 'none' },
	{ id: 'sepia', label: 'Sepia', kind: 'colour' },
	{ id: 'bw', label: 'Black & white', kind: 'colour' },
	{ id: 'noir', label: 'Noir', kind: 'colour' },
	{ id: 'vivid', label: 'Vivid', kind: 'colour' },
	{ id: 'comic', label: 'Comic', kind: 'colour' },
	{ id: 'thermal', label: 'Thermal', kind: 'colour' },
	{ id: 'xray', label: 'X-ray', kind: 'colour' },
	{ id: 'popart', label: 'Pop art', kind: 'colour' },
	{ id: 'sketch', label: 'Sketch', kind: 'colour' },
	{ id: 'bulge', label: 'Bulge', kind: 'distortion' },
	{ id: 'dent', label: 'Dent', kind: 'distortion' },
	{ id: 'twirl', label: 'Twirl', kind: 'distortion' },
	{ id: 'squeeze', label: 'Squeeze', kind: 'distortion' },
	{ id: 'stretch', label: 'Stretch', kind: 'distortion' },
	{ id: 'mirror', label: 'Mirror', kind: 'distortion' },
	{ id: 'kaleidoscope', label: 'Kaleidoscope', kind: 'distortion' },
	{ id: 'fisheye', label: 'Fisheye', kind: 'distortion' }
];

export function effectInfo(id: string): EffectInfo | undefined {
	return EFFECTS.find((e) => e.id === id);
}

let unavailable = false;

/** Effects cannot be drawn here (no WebGL): the booth shoots without them, and says so. */
export function markEffectsUnavailable(): void {
	unavailable = true;
}

/** The effect a shot is drawn with: the chosen one, unless effects cannot be drawn here. */
export function effectInUse(chosen: string): string {
	return unavailable || !effectInfo(chosen) ? NORMAL : chosen;
}
