/**
 * The photo sizes offered in settings: the largest the camera can take, then common sizes that
 * fit within its photo capabilities (all of them while the camera's abilities are unknown).
 */
import { isRange, type PhotoCaps } from './constraints';
import { parsePhotoSize } from '$lib/settings/schema';

const COMMON = [
	[3840, 2160],
	[2560, 1440],
	[1920, 1080],
	[1280, 720],
	[640, 360],
	[2592, 1944],
	[1600, 1200],
	[640, 480]
] as const;

export interface SizeChoice {
	value: string;
	label: string;
}

export function photoSizeChoices(caps: PhotoCaps | undefined, current: string): SizeChoice[] {
	const w = caps?.imageWidth;
	const h = caps?.imageHeight;
	const known = isRange(w) && isRange(h);
	const fits = (width: number, height: number) =>
		!known || (width >= w.min && width <= w.max && height >= h.min && height <= h.max);
	const choices: SizeChoice[] = [
		{ value: 'max', label: known ? `Largest (${w.max} × ${h.max})` : 'Largest the camera offers' }
	];
	for (const [width, height] of COMMON) {
		if (fits(width, height) && !(known && width === w.max && height === h.max)) {
			choices.push({ value: `${width}x${height}`, label: `${width} × ${height}` });
		}
	}
	const custom = parsePhotoSize(current);
	if (custom && !choices.some((c) => c.value === current)) {
		choices.push({ value: current, label: `${custom.width} × ${custom.height}` });
	}
	return choices;
}
