/**
 * The backdrops the booth offers, by name only: what settings, the picker and recipes need. The
 * drawing is in composite.ts and scenes.ts, loaded with the segmentation model when a backdrop
 * is first used. Ids are stored in settings and in recipes: keep them stable.
 */
export type BackdropKind = 'none' | 'blur' | 'colour' | 'scene' | 'photo';

export interface BackdropInfo {
	id: string;
	label: string;
	kind: BackdropKind;
	/** A colour backdrop's colour (CSS hex). */
	colour?: string;
}

export const NO_BACKDROP = 'none';
export const PHOTO_BACKDROP = 'photo';

export const BACKDROPS: readonly BackdropInfo[] = [
	{ id: NO_BACKDROP, label: 'None', kind: 'none' },
	{ id: 'blur', label: 'Blur', kind: 'blur' },
	{ id: 'white', label: 'White', kind: 'colour', colour: '#ffffff' },
	{ id: 'black', label: 'Black', kind: 'colour', colour: '#111111' },
	{ id: 'pink', label: 'Pink', kind: 'colour', colour: '#ff4d9d' },
	{ id: 'yellow', label: 'Yellow', kind: 'colour', colour: '#ffd23f' },
	{ id: 'teal', label: 'Teal', kind: 'colour', colour: '#14b8a6' },
	{ id: 'purple', label: 'Purple', kind: 'colour', colour: '#7c3aed' },
	{ id: 'sunset', label: 'Sunset', kind: 'scene' },
	{ id: 'night', label: 'Night sky', kind: 'scene' },
	{ id: 'confetti', label: 'Confetti', kind: 'scene' },
	{ id: PHOTO_BACKDROP, label: 'Your photo', kind: 'photo' }
];

export function backdropInfo(id: string): BackdropInfo | undefined {
	return BACKDROPS.find((b) => b.id === id);
}

let unavailable = false;

/** Backdrops cannot run here (no WebAssembly SIMD): the booth shoots without them, and says so. */
export function markBackdropsUnavailable(): void {
	unavailable = true;
}

export function backdropsUnavailable(): boolean {
	return unavailable;
}
