/**
 * The backup's manifest.json: which file in the ZIP is which photo, with everything the
 * gallery knows about it, plus the settings. Pure, so building and checking it is unit-tested.
 */
import { kindFields, MOTION_KINDS, type MotionKind, type PhotoMeta } from '$lib/photos/types';
import { checkRecipe, type StripRecipe } from '$lib/strips/recipe';
import { isPhotoTime } from '$lib/time';
import { validRecords, type EventRecord } from '$lib/event/setup';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'photobooth-backup';
export const PHOTO_FOLDER = 'photos/';
export const THUMB_FOLDER = 'thumbnails/';
export const OVERLAY_FOLDER = 'overlays/';

export interface ManifestPhoto {
	id: string;
	/** Path of the photo's original inside the ZIP. */
	file: string;
	takenAt: number;
	width: number;
	height: number;
	type: string;
	size: number;
	camera: string;
	favorite: boolean;
	/** Path of its thumbnail (JPEG) inside the ZIP, when it had one. */
	thumbnail?: string;
	/** A strip: its recipe (the photos it is made of, by id; its layout and design). */
	strip?: StripRecipe;
	/** Copies printed. */
	prints?: number;
	/** A moving picture: its kind, how long it plays (ms), its frames, whether it has sound. */
	motion?: { kind: MotionKind; duration: number; frames?: number; sound?: boolean };
	/** Made at this event (event mode), by the event's id (see BackupManifest.events). */
	event?: string;
}

/** An overlay drawn over strips: its PNG inside the ZIP. */
export interface ManifestOverlay {
	id: string;
	file: string;
	name: string;
}

export interface BackupManifest {
	format: typeof BACKUP_FORMAT;
	version: 1;
	createdAt: string;
	settings: unknown;
	photos: ManifestPhoto[];
	/** The overlays the strips and settings use (absent in backups made before strips). */
	overlays?: ManifestOverlay[];
	/** The events the photos were made at, with their names (absent before event mode). */
	events?: EventRecord[];
}

export function buildManifest(
	files: readonly { meta: PhotoMeta; name: string; thumbnail?: string }[],
	settings: unknown,
	now = new Date(),
	overlays: readonly ManifestOverlay[] = [],
	events: readonly EventRecord[] = []
): BackupManifest {
	const used = new Set(files.flatMap(({ meta }) => (meta.event ? [meta.event] : [])));
	const listed = events.filter((e) => used.has(e.id));
	return {
		format: BACKUP_FORMAT,
		version: 1,
		createdAt: now.toISOString(),
		settings,
		photos: files.map(({ meta, name, thumbnail }) => ({
			id: meta.id,
			file: name,
			takenAt: meta.takenAt,
			width: meta.width,
			height: meta.height,
			type: meta.type,
			size: meta.size,
			camera: meta.camera,
			favorite: meta.favorite === 1,
			...(thumbnail ? { thumbnail } : {}),
			...(meta.kind === 'strip' && meta.strip ? { strip: meta.strip } : {}),
			...(meta.prints ? { prints: meta.prints } : {}),
			...(isMotionKind(meta.kind) ? { motion: motionOf(meta, meta.kind) } : {}),
			...(meta.event ? { event: meta.event } : {})
		})),
		...(overlays.length ? { overlays: [...overlays] } : {}),
		...(listed.length ? { events: listed } : {})
	};
}

export class ManifestError extends Error {
	constructor(detail: string) {
		super(`its manifest.json is not a Photo Booth backup (${detail})`);
		this.name = 'ManifestError';
	}
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/webm']);

const isMotionKind = (v: unknown): v is MotionKind => (MOTION_KINDS as readonly unknown[]).includes(v);

function motionOf(meta: Pick<PhotoMeta, 'duration' | 'frames' | 'sound'>, kind: MotionKind): NonNullable<ManifestPhoto['motion']> {
	return {
		kind,
		duration: meta.duration ?? 0,
		...(meta.frames ? { frames: meta.frames } : {}),
		...(meta.sound ? { sound: true } : {})
	};
}

/** A moving picture's entry, checked; undefined where it is absent or cannot be trusted. */
function checkMotion(raw: unknown): ManifestPhoto['motion'] {
	if (!raw || typeof raw !== 'object') return undefined;
	const m = raw as Record<string, unknown>;
	if (!isMotionKind(m.kind)) return undefined;
	const duration = isInt(m.duration) && m.duration <= 24 * 3600 * 1000 ? m.duration : 0;
	const frames = isInt(m.frames, 1) && m.frames <= 100_000 ? m.frames : undefined;
	return motionOf({ duration, frames, sound: m.sound === true }, m.kind);
}
const isInt = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** One photo's entry, checked field by field; null when it cannot be trusted. */
function checkPhoto(raw: unknown): ManifestPhoto | null {
	if (!raw || typeof raw !== 'object') return null;
	const p = raw as Record<string, unknown>;
	if (!isText(p.id, 200) || !p.id || !isText(p.file, 1000) || !p.file) return null;
	// A time past what a date can show would stop every page that shows it: not a photo we can take in.
	if (!isPhotoTime(p.takenAt) || !isInt(p.width, 1) || !isInt(p.height, 1) || !isInt(p.size)) return null;
	if (!isText(p.type, 100) || !IMAGE_TYPES.has(p.type)) return null;
	return {
		id: p.id,
		file: p.file,
		takenAt: p.takenAt,
		width: p.width,
		height: p.height,
		type: p.type,
		size: p.size,
		camera: isText(p.camera, 1000) ? p.camera : '',
		favorite: p.favorite === true,
		...(isText(p.thumbnail, 1000) && p.thumbnail ? { thumbnail: p.thumbnail } : {}),
		...(p.strip !== undefined ? { strip: checkRecipe(p.strip) ?? undefined } : {}),
		...(isInt(p.prints, 1) ? { prints: p.prints } : {}),
		...(checkMotion(p.motion) ? { motion: checkMotion(p.motion) } : {}),
		...(isText(p.event, 200) && p.event ? { event: p.event } : {})
	};
}

/** One overlay's entry, checked; null when it cannot be trusted. */
function checkOverlay(raw: unknown): ManifestOverlay | null {
	if (!raw || typeof raw !== 'object') return null;
	const o = raw as Record<string, unknown>;
	if (!isText(o.id, 200) || !o.id || !isText(o.file, 1000) || !o.file) return null;
	return { id: o.id, file: o.file, name: isText(o.name, 200) ? o.name : 'overlay.png' };
}

/**
 * Reads a manifest's JSON text. Throws ManifestError when it is not ours at all; photos with
 * unusable entries are counted in `bad` so they can be reported, not silently dropped.
 */
export function parseManifest(text: string): {
	photos: ManifestPhoto[];
	bad: number;
	settings: unknown;
	overlays: ManifestOverlay[];
	events: EventRecord[];
} {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new ManifestError('not valid JSON');
	}
	const m = raw as Partial<BackupManifest> | null;
	if (!m || typeof m !== 'object' || m.format !== BACKUP_FORMAT) throw new ManifestError('unknown format');
	if (m.version !== 1) throw new ManifestError(`version ${String(m.version)} is newer than this app`);
	if (!Array.isArray(m.photos)) throw new ManifestError('no photo list');
	const photos: ManifestPhoto[] = [];
	let bad = 0;
	for (const entry of m.photos) {
		const p = checkPhoto(entry);
		if (p) photos.push(p);
		else bad++;
	}
	const overlays = Array.isArray(m.overlays) ? m.overlays.map(checkOverlay).filter((o): o is ManifestOverlay => !!o) : [];
	return { photos, bad, settings: m.settings, overlays, events: validRecords(m.events) };
}

/**
 * The gallery's metadata for a photo from the manifest: its byte size and its pixel size from
 * the real image (decoded), never from what the manifest claims.
 */
export function metaFromManifest(p: ManifestPhoto, size: number, pixels: { width: number; height: number; duration?: number }): PhotoMeta {
	return {
		id: p.id,
		takenAt: p.takenAt,
		width: pixels.width,
		height: pixels.height,
		type: p.type,
		size,
		camera: p.camera,
		favorite: p.favorite ? 1 : 0,
		...(p.strip ? { kind: 'strip' as const, strip: p.strip } : {}),
		...(p.prints ? { prints: p.prints } : {}),
		...(p.motion && !p.strip ? kindFields({ motion: { ...p.motion, duration: pixels.duration ?? p.motion.duration } }) : {}),
		...(p.event ? { event: p.event } : {})
	};
}
