/**
 * Camera controls as data: which ones a camera really has (from the track's capabilities and
 * getPhotoCapabilities()), their ranges, and the constraints or photo settings that apply a set
 * of values. Pure, so every clamp and conversion is unit-tested without a camera.
 */
import { clamp, isRange, type PhotoCaps, type RangeCap } from './constraints';
import type { ControlValue } from '$lib/settings/schema';

export type ControlKind = 'range' | 'select' | 'toggle';

export interface ControlSpec {
	key: string;
	label: string;
	kind: ControlKind;
	/** 'track': applyConstraints; 'photo': passed to takePhoto(). */
	target: 'track' | 'photo';
	range?: Required<Pick<RangeCap, 'min' | 'max'>> & RangeCap;
	options?: string[];
	/** A value of another control this one needs, e.g. exposureTime needs exposureMode manual. */
	requires?: { key: string; value: string };
	/** Unit shown after the value. */
	unit?: string;
}

/** Track controls we offer, in the order a camera app shows them. */
const TRACK_CONTROLS: { key: string; label: string; kind: ControlKind; requires?: ControlSpec['requires']; unit?: string }[] = [
	{ key: 'zoom', label: 'Zoom', kind: 'range', unit: '×' },
	{ key: 'pan', label: 'Pan', kind: 'range', unit: '°' },
	{ key: 'tilt', label: 'Tilt', kind: 'range', unit: '°' },
	{ key: 'exposureMode', label: 'Exposure mode', kind: 'select' },
	{ key: 'exposureCompensation', label: 'Exposure compensation', kind: 'range', unit: 'EV' },
	{ key: 'exposureTime', label: 'Exposure time', kind: 'range', requires: { key: 'exposureMode', value: 'manual' } },
	{ key: 'iso', label: 'ISO', kind: 'range' },
	{ key: 'focusMode', label: 'Focus mode', kind: 'select' },
	{ key: 'focusDistance', label: 'Focus distance', kind: 'range', requires: { key: 'focusMode', value: 'manual' } },
	{ key: 'whiteBalanceMode', label: 'White balance', kind: 'select' },
	{ key: 'colorTemperature', label: 'Colour temperature', kind: 'range', unit: 'K', requires: { key: 'whiteBalanceMode', value: 'manual' } },
	{ key: 'brightness', label: 'Brightness', kind: 'range' },
	{ key: 'contrast', label: 'Contrast', kind: 'range' },
	{ key: 'saturation', label: 'Saturation', kind: 'range' },
	{ key: 'sharpness', label: 'Sharpness', kind: 'range' },
	{ key: 'torch', label: 'Torch', kind: 'toggle' }
];

/**
 * The controls this camera really has. A range needs min < max (a fixed value is no control),
 * a select needs two or more modes, a toggle needs `true` among its values.
 */
export function availableControls(
	track: Record<string, unknown> | null | undefined,
	photo: PhotoCaps | undefined
): ControlSpec[] {
	const specs: ControlSpec[] = [];
	for (const c of TRACK_CONTROLS) {
		const cap = track?.[c.key];
		if (c.kind === 'range') {
			const range = cap as RangeCap | undefined;
			if (isRange(range) && range.max > range.min) specs.push({ ...c, target: 'track', range });
		} else if (c.kind === 'select') {
			if (Array.isArray(cap) && cap.length > 1) specs.push({ ...c, target: 'track', options: cap.map(String) });
		} else if (Array.isArray(cap) ? cap.includes(true) : cap === true) {
			specs.push({ ...c, target: 'track' });
		}
	}
	const fill = photo?.fillLightMode;
	if (Array.isArray(fill) && fill.length > 1) {
		specs.push({ key: 'fillLightMode', label: 'Flash', kind: 'select', target: 'photo', options: [...fill] });
	}
	if (photo?.redEyeReduction === 'controllable') {
		specs.push({ key: 'redEyeReduction', label: 'Red-eye reduction', kind: 'toggle', target: 'photo' });
	}
	return specs;
}

/** A value made valid for its control: clamped to the range, one of the options, a boolean. */
export function clampControl(spec: ControlSpec, value: unknown): ControlValue | undefined {
	switch (spec.kind) {
		case 'range':
			return typeof value === 'number' && Number.isFinite(value) ? clamp(value, spec.range) : undefined;
		case 'select':
			return typeof value === 'string' && spec.options?.includes(value) ? value : undefined;
		case 'toggle':
			return typeof value === 'boolean' ? value : undefined;
	}
}

/**
 * The advanced constraint set for track controls, values clamped; a control that needs a mode
 * brings that mode along (moving exposure time switches exposure to manual).
 */
export function trackConstraints(
	specs: ControlSpec[],
	values: Record<string, ControlValue>
): MediaTrackConstraintSet {
	const set: Record<string, ControlValue> = {};
	const byKey = new Map(specs.map((s) => [s.key, s]));
	for (const [key, raw] of Object.entries(values)) {
		const spec = byKey.get(key);
		if (!spec || spec.target !== 'track') continue;
		const v = clampControl(spec, raw);
		if (v !== undefined) set[key] = v;
	}
	// A second pass, so the result does not depend on the order of the keys: a manual value
	// always brings its manual mode.
	for (const key of Object.keys(set)) {
		const need = byKey.get(key)?.requires;
		if (need && byKey.get(need.key)?.options?.includes(need.value)) set[need.key] = need.value;
	}
	return set as MediaTrackConstraintSet;
}

/** The takePhoto() settings for photo controls (flash, red-eye), values checked. */
export function photoControlSettings(
	specs: ControlSpec[],
	values: Record<string, ControlValue>
): { fillLightMode?: string; redEyeReduction?: boolean } {
	const out: { fillLightMode?: string; redEyeReduction?: boolean } = {};
	for (const spec of specs) {
		if (spec.target !== 'photo') continue;
		const v = clampControl(spec, values[spec.key]);
		if (spec.key === 'fillLightMode' && typeof v === 'string') out.fillLightMode = v;
		if (spec.key === 'redEyeReduction' && typeof v === 'boolean') out.redEyeReduction = v;
	}
	return out;
}

/** Picks, from the track's current settings, the values of the given controls (its defaults). */
export function currentValues(
	specs: ControlSpec[],
	trackSettings: Record<string, unknown>
): Record<string, ControlValue> {
	const out: Record<string, ControlValue> = {};
	for (const spec of specs) {
		if (spec.target !== 'track') continue;
		const v = clampControl(spec, trackSettings[spec.key]);
		if (v !== undefined) out[spec.key] = v;
	}
	return out;
}

/** A number for display: no float dust, at most two decimals. */
export function formatControlValue(spec: ControlSpec, value: ControlValue | undefined): string {
	if (value === undefined || value === '') return '';
	if (typeof value === 'boolean') return value ? 'On' : 'Off';
	if (typeof value === 'string') return value[0].toUpperCase() + value.slice(1).replace(/-/g, ' ');
	if (spec.key === 'zoom') return `${Number((value / (spec.range?.min || 1)).toFixed(2))}${spec.unit}`;
	// Pan and tilt are given in arc seconds (3600 to the degree).
	if (spec.key === 'pan' || spec.key === 'tilt') return `${Number((value / 3600).toFixed(1))}°`;
	const text = Number(value.toFixed(2)).toString();
	return spec.unit ? `${text} ${spec.unit}` : text;
}
