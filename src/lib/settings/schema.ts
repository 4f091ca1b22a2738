/**
 * The settings' shape, defaults and validation: pure, so it is unit-tested without a browser.
 * Anything stored that does not fit falls back to the default for that field alone.
 */
import type { PhotoFormat } from '$lib/capture/constraints';

export interface BoothSettings {
	/** deviceId of the chosen camera, or '' for the browser's default. */
	cameraId: string;
	/** Encoding of saved photos. */
	format: PhotoFormat;
	/** Encoder quality for JPEG and WebP, 0.5..1. */
	quality: number;
	/** Show the preview as a mirror when the camera faces the person. */
	mirrorPreview: boolean;
}

export const DEFAULTS: Readonly<BoothSettings> = Object.freeze({
	cameraId: '',
	format: 'image/jpeg',
	quality: 0.92,
	mirrorPreview: true
});

export const FORMATS: readonly { value: PhotoFormat; label: string }[] = [
	{ value: 'image/jpeg', label: 'JPEG' },
	{ value: 'image/png', label: 'PNG (lossless, larger)' },
	{ value: 'image/webp', label: 'WebP' }
];

export const QUALITY_RANGE = { min: 0.5, max: 1, step: 0.01 } as const;

function isFormat(v: unknown): v is PhotoFormat {
	return FORMATS.some((f) => f.value === v);
}

/** Validates one field's value, returning the default where it does not fit. */
export function validateField<K extends keyof BoothSettings>(key: K, value: unknown): BoothSettings[K] {
	const fallback = DEFAULTS[key];
	switch (key) {
		case 'cameraId':
			return (typeof value === 'string' && value.length < 512 ? value : fallback) as BoothSettings[K];
		case 'format':
			return (isFormat(value) ? value : fallback) as BoothSettings[K];
		case 'quality': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
			const q = Math.min(QUALITY_RANGE.max, Math.max(QUALITY_RANGE.min, value));
			return Number(q.toFixed(2)) as BoothSettings[K];
		}
		case 'mirrorPreview':
			return (typeof value === 'boolean' ? value : fallback) as BoothSettings[K];
		default:
			return fallback;
	}
}

/** Turns whatever was stored (maybe corrupt, maybe from an older version) into valid settings. */
export function validateSettings(raw: unknown): BoothSettings {
	const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
	const out = { ...DEFAULTS };
	for (const key of Object.keys(DEFAULTS) as (keyof BoothSettings)[]) {
		(out as Record<string, unknown>)[key] = validateField(key, obj[key]);
	}
	return out;
}

/** Parses the stored JSON text; anything unreadable gives the defaults. */
export function parseStored(text: string | null): BoothSettings {
	if (!text) return { ...DEFAULTS };
	try {
		return validateSettings(JSON.parse(text));
	} catch {
		return { ...DEFAULTS };
	}
}
