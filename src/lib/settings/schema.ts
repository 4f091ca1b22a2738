/**
 * The settings' shape, defaults, validation and migration: pure, so it is unit-tested without a
 * browser. Anything stored that does not fit falls back to the default for that field alone.
 */
import type { PhotoFormat } from '$lib/pixels/formats';
import { isBackground, LAYOUT_IDS } from '$lib/strips/ids';
import { EFFECTS } from '$lib/effects/list';

/** The longest caption a strip takes (an event's name). */
export const CAPTION_MAX = 60;

/** A value of one camera control (zoom 150, focusMode 'manual', torch true). */
export type ControlValue = number | string | boolean;

export interface BoothSettings {
	/** Schema version of what is stored; see migrate(). */
	version: number;
	/** deviceId of the chosen camera, or '' for the browser's default. */
	cameraId: string;
	/** Photo size: 'max' for the largest the camera offers, or 'WIDTHxHEIGHT'. */
	photoSize: string;
	/** The photo's shape: 'camera' (as the camera sees it) or a crop around the centre (see SHAPES). */
	shape: string;
	/** Encoding of saved photos. */
	format: PhotoFormat;
	/** Encoder quality for JPEG and WebP, 0.5..1. */
	quality: number;
	/** Show the preview as a mirror when the camera faces the person. */
	mirrorPreview: boolean;
	/** Save photos mirrored too (off: saved as the camera sees them, text reads right). */
	mirrorSaved: boolean;
	/** Seconds of countdown before a shot: 0 (off), 3, 5 or 10. */
	countdown: number;
	/**
	 * The capture mode a press runs, by its id ('photo', 'burst'; see capture/modes). An id this
	 * version does not know is kept, and the booth runs Photo for it.
	 */
	mode: string;
	/** Burst mode: each press takes `burstCount` photos `burstInterval` ms apart. */
	burstCount: number;
	burstInterval: number;
	/** GIF mode: `gifFrames` frames over `gifDuration` ms, played back at the same pace. */
	gifFrames: number;
	gifDuration: number;
	/** Boomerang mode: save a GIF of each boomerang beside its video. */
	boomerangGif: boolean;
	/** Video mode: the longest clip, ms; and whether it records sound (the microphone). */
	videoLimit: number;
	videoSound: boolean;
	/** The live effect on the preview and every shot, by id (see effects/list.ts). */
	effect: string;
	/** The backdrop behind the person (see backdrops/list.ts), and for "Your photo" its photo's id. */
	backdrop: string;
	backdropPhoto: string;
	/** White screen flash on each shot. */
	flash: boolean;
	/** A shutter click made with Web Audio. */
	sound: boolean;
	/** Strip mode: the layout, shots in a 2x6 strip, and the design (see strips/). */
	stripLayout: string;
	stripShots: number;
	caption: string;
	stripDate: boolean;
	stripBackground: string;
	/** The id of the overlay drawn over strips (an imported PNG), or '' for none. */
	overlay: string;
	/** Remembered camera controls, per deviceId. */
	controls: Record<string, Record<string, ControlValue>>;
}

export const SETTINGS_VERSION = 3;

export const COUNTDOWNS = [0, 3, 5, 10] as const;
export const BURST_COUNT = { min: 2, max: 10 } as const;
export const BURST_INTERVAL = { min: 200, max: 5000, step: 100 } as const;
export const GIF_FRAMES = { min: 4, max: 20 } as const;
export const GIF_DURATION = { min: 1000, max: 5000, step: 500 } as const;
export const VIDEO_LIMIT = { min: 5000, max: 30_000, step: 5000 } as const;
export const QUALITY_RANGE = { min: 0.5, max: 1, step: 0.01 } as const;

export const DEFAULTS: Readonly<BoothSettings> = Object.freeze({
	version: SETTINGS_VERSION,
	cameraId: '',
	photoSize: 'max',
	shape: 'camera',
	format: 'image/jpeg',
	quality: 0.92,
	mirrorPreview: true,
	mirrorSaved: false,
	countdown: 0,
	mode: 'photo',
	burstCount: 4,
	burstInterval: 1000,
	gifFrames: 10,
	gifDuration: 2000,
	boomerangGif: false,
	videoLimit: 30_000,
	videoSound: false,
	effect: 'normal',
	backdrop: 'none',
	backdropPhoto: '',
	flash: true,
	sound: false,
	stripLayout: 'strip-2x6',
	stripShots: 4,
	caption: '',
	stripDate: true,
	stripBackground: 'classic',
	overlay: '',
	controls: Object.freeze({}) as Record<string, Record<string, ControlValue>>
});

export const FORMATS: readonly { value: PhotoFormat; label: string }[] = [
	{ value: 'image/jpeg', label: 'JPEG' },
	{ value: 'image/png', label: 'PNG (lossless, larger)' },
	{ value: 'image/webp', label: 'WebP' }
];

/** The photo shapes offered, with their width / height (none: the camera's own). */
export const SHAPES: readonly { value: string; label: string; aspect?: number }[] = [
	{ value: 'camera', label: 'As the camera sees it' },
	{ value: '4:3', label: 'Classic (4:3)', aspect: 4 / 3 },
	{ value: '3:2', label: 'Print (3:2)', aspect: 3 / 2 },
	{ value: '1:1', label: 'Square (1:1)', aspect: 1 },
	{ value: '4:5', label: 'Portrait (4:5)', aspect: 4 / 5 }
];

/** The width / height a shape setting asks for, or undefined for the camera's own. */
export function shapeAspect(value: string): number | undefined {
	return SHAPES.find((s) => s.value === value)?.aspect;
}

function isFormat(v: unknown): v is PhotoFormat {
	return FORMATS.some((f) => f.value === v);
}

function intIn(value: unknown, min: number, max: number, step = 1): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	const v = Math.round(Math.min(max, Math.max(min, value)) / step) * step;
	return v;
}

/** 'max' or 'WIDTHxHEIGHT' with sane pixel counts. */
export function parsePhotoSize(value: string): { width: number; height: number } | undefined {
	const m = /^(\d{2,5})x(\d{2,5})$/.exec(value);
	if (!m) return undefined;
	return { width: Number(m[1]), height: Number(m[2]) };
}

function validControls(value: unknown): Record<string, Record<string, ControlValue>> | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const out: Record<string, Record<string, ControlValue>> = {};
	for (const [device, controls] of Object.entries(value)) {
		if (!controls || typeof controls !== 'object' || Array.isArray(controls)) continue;
		const kept: Record<string, ControlValue> = {};
		for (const [key, v] of Object.entries(controls)) {
			const ok =
				(typeof v === 'number' && Number.isFinite(v)) ||
				typeof v === 'boolean' ||
				(typeof v === 'string' && v.length < 64);
			if (ok && /^[a-zA-Z]{1,40}$/.test(key)) kept[key] = v as ControlValue;
		}
		if (device.length < 512) out[device] = kept;
	}
	return out;
}

/** Validates one field's value, returning the default where it does not fit. */
export function validateField<K extends keyof BoothSettings>(key: K, value: unknown): BoothSettings[K] {
	const fallback = DEFAULTS[key];
	const pick = (ok: boolean) => (ok ? value : fallback) as BoothSettings[K];
	switch (key) {
		case 'version':
			return SETTINGS_VERSION as BoothSettings[K];
		case 'cameraId':
			return pick(typeof value === 'string' && value.length < 512);
		case 'photoSize':
			return pick(value === 'max' || (typeof value === 'string' && !!parsePhotoSize(value)));
		case 'format':
			return pick(isFormat(value));
		case 'shape':
			return pick(SHAPES.some((s) => s.value === value));
		case 'quality': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
			const q = Math.min(QUALITY_RANGE.max, Math.max(QUALITY_RANGE.min, value));
			return Number(q.toFixed(2)) as BoothSettings[K];
		}
		case 'mode':
			return pick(typeof value === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(value));
		case 'effect':
			return pick(EFFECTS.some((e) => e.id === value));
		case 'backdrop':
			// The list itself loads with the picker; an id it does not know draws no backdrop.
			return pick(typeof value === 'string' && /^[a-z]{1,16}$/.test(value));
		case 'backdropPhoto':
			return pick(typeof value === 'string' && value.length < 200);
		case 'stripLayout':
			return pick(typeof value === 'string' && (LAYOUT_IDS as readonly string[]).includes(value));
		case 'stripShots':
			return pick(value === 3 || value === 4);
		case 'caption':
			return (typeof value === 'string' ? value.slice(0, CAPTION_MAX) : fallback) as BoothSettings[K];
		case 'stripBackground':
			return pick(isBackground(value));
		case 'overlay':
			return pick(typeof value === 'string' && value.length < 200);
		case 'mirrorPreview':
		case 'mirrorSaved':
		case 'flash':
		case 'stripDate':
		case 'sound':
		case 'boomerangGif':
		case 'videoSound':
			return pick(typeof value === 'boolean');
		case 'countdown':
			return pick(COUNTDOWNS.includes(value as (typeof COUNTDOWNS)[number]));
		case 'burstCount':
			return (intIn(value, BURST_COUNT.min, BURST_COUNT.max) ?? fallback) as BoothSettings[K];
		case 'burstInterval':
			return (intIn(value, BURST_INTERVAL.min, BURST_INTERVAL.max, BURST_INTERVAL.step) ??
				fallback) as BoothSettings[K];
		case 'gifFrames':
			return (intIn(value, GIF_FRAMES.min, GIF_FRAMES.max) ?? fallback) as BoothSettings[K];
		case 'gifDuration':
			return (intIn(value, GIF_DURATION.min, GIF_DURATION.max, GIF_DURATION.step) ?? fallback) as BoothSettings[K];
		case 'videoLimit':
			return (intIn(value, VIDEO_LIMIT.min, VIDEO_LIMIT.max, VIDEO_LIMIT.step) ?? fallback) as BoothSettings[K];
		case 'controls':
			return (validControls(value) ?? {}) as BoothSettings[K];
		default:
			return fallback;
	}
}

/**
 * Brings stored settings of any earlier version up to this one. Each step takes version N to
 * N + 1; validation afterwards fills what is missing.
 * - v1 (no `version` field): cameraId, format, quality, mirrorPreview. Its mirror setting
 *   mirrored the preview only, which v2 keeps as mirrorPreview; saved photos stay unmirrored.
 * - v2 had `burst` on or off; v3 has capture modes, and a burst turned on is the Burst mode.
 */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
	const out = { ...raw };
	let version = typeof out.version === 'number' ? out.version : 1;
	if (version < 2) {
		out.mirrorSaved = false;
		version = 2;
	}
	if (version < 3) {
		out.mode = out.burst === true ? 'burst' : 'photo';
		delete out.burst;
		version = 3;
	}
	out.version = version;
	return out;
}

/** Turns whatever was stored (maybe corrupt, maybe from an older version) into valid settings. */
export function validateSettings(raw: unknown): BoothSettings {
	const obj =
		raw && typeof raw === 'object' && !Array.isArray(raw)
			? migrate(raw as Record<string, unknown>)
			: {};
	const out = { ...DEFAULTS, controls: {} } as BoothSettings;
	for (const key of Object.keys(DEFAULTS) as (keyof BoothSettings)[]) {
		(out as unknown as Record<string, unknown>)[key] = validateField(key, obj[key]);
	}
	return out;
}

/** Parses the stored JSON text; anything unreadable gives the defaults. */
export function parseStored(text: string | null): BoothSettings {
	if (!text) return validateSettings(undefined);
	try {
		return validateSettings(JSON.parse(text));
	} catch {
		return validateSettings(undefined);
	}
}
