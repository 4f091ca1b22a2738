import type { StripRecipe } from '$lib/strips/recipe';

/** Moving pictures: an animated GIF, a boomerang (a clip that plays forward then back), a video. */
export type MotionKind = 'gif' | 'boomerang' | 'video';
export const MOTION_KINDS: readonly MotionKind[] = ['gif', 'boomerang', 'video'];

/** What a moving picture adds to its metadata. */
export interface Motion {
	kind: MotionKind;
	/** How long it plays once through, ms. */
	duration: number;
	/** How many frames it holds, where known (a GIF's). */
	frames?: number;
	/** Whether it has sound (a video recorded with the microphone on). */
	sound?: boolean;
}

/** A stored photo's metadata; the bytes live in their own stores so listing stays light. */
export interface PhotoMeta {
	/** A random UUID. */
	id: string;
	/** Capture time, milliseconds since the epoch. */
	takenAt: number;
	width: number;
	height: number;
	/** MIME type of the original, e.g. image/jpeg. */
	type: string;
	/** Size of the original in bytes. */
	size: number;
	/** The camera's label at capture time ('' when the browser hid it). */
	camera: string;
	/** 1 for a favourite, else 0 (a number so it can be indexed). Every photo has it from v3 on. */
	favorite: 0 | 1;
	/**
	 * 'strip' for a strip or collage made of other photos; a moving picture's kind (see Motion);
	 * absent: a photo.
	 */
	kind?: 'strip' | MotionKind;
	/** A moving picture: how long it plays once through, ms. */
	duration?: number;
	/** A moving picture: its frame count, where known. */
	frames?: number;
	/** A video recorded with sound. */
	sound?: boolean;
	/** A strip's recipe: it can be laid out again from its photos. */
	strip?: StripRecipe;
	/** How many copies have been printed. */
	prints?: number;
	/** The event it was made at (event mode), by the event's id. */
	event?: string;
}

/** A deleted photo while its Undo is offered; purged (with its bytes) afterwards. */
export interface TrashedPhoto {
	meta: PhotoMeta;
	/** When it was deleted, ms since the epoch: old entries are purged when the app starts. */
	deletedAt: number;
}

/** What a caller hands the repository to save a photo. */
export interface NewPhoto {
	blob: Blob;
	width: number;
	height: number;
	camera: string;
	takenAt?: number;
	id?: string;
	favorite?: boolean;
	/** A strip: its recipe (see PhotoMeta.strip). */
	strip?: StripRecipe;
	/** A moving picture: what kind, and how long. */
	motion?: Motion;
	/** Made at this event (see PhotoMeta.event). */
	event?: string;
}

/** A photo to bring in whole from a backup or a file: its metadata is kept as given. */
export interface ImportedPhoto {
	meta: PhotoMeta;
	/** The original: its bytes, or a Blob (the file itself) where the bytes are not in hand. */
	data: ArrayBuffer | Blob;
	/** Its CRC-32, where already worked out (in the import worker); else computed on writing. */
	crc?: number;
	/** Its thumbnail, when the backup carried one (saves decoding the original again). */
	thumbnail?: StoredThumbnail;
}

/** Everything stored for one photo: what delete hands back so Undo can put it back whole. */
export interface PhotoRecord {
	meta: PhotoMeta;
	/** The original as it was stored (see StoredOriginal). */
	original: ArrayBuffer | Blob;
	/** Its stored CRC-32, when it had one. */
	crc?: number;
	thumbnail?: StoredThumbnail;
}

export interface StoredThumbnail {
	id: string;
	data: ArrayBuffer;
	type: string;
	width: number;
	height: number;
}

/** A position in the newest-first order: paging continues after it. */
export interface PageCursor {
	takenAt: number;
	id: string;
}

/** Whether this is a moving picture (a GIF, a boomerang or a video made here, or any video). */
export function isMotion(meta: Pick<PhotoMeta, 'kind' | 'type'>): boolean {
	return (MOTION_KINDS as readonly string[]).includes(meta.kind ?? '') || meta.type.startsWith('video/');
}

/** Whether its original is a video (it plays in a <video>, not an <img>). */
export function isVideo(meta: Pick<PhotoMeta, 'type'>): boolean {
	return meta.type.startsWith('video/');
}

/** What a new photo's metadata says beyond its bytes: a strip's recipe, a moving picture's kind. */
export function kindFields(photo: Pick<NewPhoto, 'strip' | 'motion' | 'event'>): Partial<PhotoMeta> {
	if (photo.event) return { event: photo.event, ...kindFields({ ...photo, event: undefined }) };
	if (photo.strip) return { kind: 'strip', strip: photo.strip };
	const m = photo.motion;
	if (!m) return {};
	return { kind: m.kind, duration: Math.round(m.duration), ...(m.frames ? { frames: m.frames } : {}), ...(m.sound ? { sound: true } : {}) };
}
