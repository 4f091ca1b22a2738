/**
 * One photo file taken in: what it is (from its first bytes), its pixel size and a thumbnail
 * from one decode (which also proves it is whole), its content id, when it was taken and its
 * CRC-32. Runs in the import workers (intake-worker.ts), or on the page where they cannot start
 * (a worker needs OffscreenCanvas: see IntakePool); nothing here touches storage.
 */
import { crcOfBytes } from '$lib/checksums/crc32';
import { sniff } from '$lib/pixels/sniff';
import { encodeThumbnail, thumbnailOf, thumbnailSize, THUMB_FORMAT, type EncodedThumbnail } from '$lib/pixels/thumbnail';
import { headerSize } from '$lib/pixels/header';
import { isPhotoTime } from '$lib/time';
import type { PhotoMeta } from '$lib/photos/types';
import { exifFacts } from './exif-date';

export const NOT_OURS = 'not a photo (JPEG, PNG, WebP or GIF), a video (MP4 or WebM) or a Photo Booth backup';
export const DAMAGED = 'the image is damaged or cannot be read';

/** Files up to this size are read whole before being looked at. */
const READ_AT_ONCE = 32 * 1024 * 1024;

/** A photo ready to store; its thumbnail's bytes and (when asked) the original's go with it. */
export interface TakenPhoto {
	kind: 'photo';
	meta: PhotoMeta;
	crc: number;
	thumbnail: { data: ArrayBuffer; type: string; width: number; height: number };
	/** The original's bytes, when asked for (where originals are stored as bytes). */
	bytes?: ArrayBuffer;
}

/** What became of one file: a photo, or a kind the page handles itself, or a reason it was refused. */
export type Intake = TakenPhoto | { kind: 'zip' } | { kind: 'video'; type: string } | { kind: 'rejected'; reason: string };

export async function contentId(data: ArrayBuffer): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
	return `file-${[...hash.subarray(0, 16)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Takes in one file (or archive entry). Past READ_AT_ONCE, only its first bytes are read before
 * it is known to be a photo: an archive or a video is handed back at once, and a large file of
 * another kind is refused unread.
 */
export async function intake(file: Blob, lastModified?: number, wantBytes = false): Promise<Intake> {
	// A file of a photo's size is read at once (one read, not two); a larger one is looked at first.
	const whole = file.size <= READ_AT_ONCE ? await file.arrayBuffer() : undefined;
	const head = whole ? new Uint8Array(whole, 0, Math.min(16, whole.byteLength)) : new Uint8Array(await file.slice(0, 16).arrayBuffer());
	const type = sniff(head);
	if (type === 'zip') return { kind: 'zip' };
	if (!type) return { kind: 'rejected', reason: NOT_OURS };
	if (type.startsWith('video/')) return { kind: 'video', type };
	const data = whole ?? (await file.arrayBuffer());
	const exif = type === 'image/jpeg' ? await exifFacts(data) : {};
	const taken = await pictureOf(file, data, type, exif.orientation);
	if (!taken) return { kind: 'rejected', reason: DAMAGED };
	const { width, height, thumb } = taken;
	// The id comes from the bytes, so importing the same file twice skips it the second time.
	const [id, thumbData] = await Promise.all([contentId(data), thumb.blob.arrayBuffer()]);
	const fromExif = exif.takenAt;
	// When it was taken, by its own EXIF (a camera roll keeps its dates); else the file's time
	// where it is one a photo can have (a crafted archive may say anything); else now.
	const fileTime = lastModified ?? (file instanceof File ? file.lastModified : 0);
	const takenAt = fromExif ?? (isPhotoTime(fileTime) && fileTime > 0 ? fileTime : Date.now());
	return {
		kind: 'photo',
		meta: { id, takenAt, width, height, type, size: data.byteLength, camera: '', favorite: 0 },
		crc: crcOfBytes(data, undefined),
		thumbnail: { data: thumbData, type: thumb.blob.type || THUMB_FORMAT.type, width: thumb.width, height: thumb.height },
		...(wantBytes ? { bytes: data } : {})
	};
}

/**
 * The picture's size as shown and its thumbnail, from one decode (which also proves it whole).
 * A JPEG whose header gives its size is decoded straight to thumbnail size and handed to a
 * canvas as it is: drawing a full-size bitmap on a worker's canvas waits for the page's thread
 * (Chromium's shared GPU context; measured 2.3 ms a thumbnail with the page idle, 9 ms with it
 * busy, 6 ms this way). Anything else is decoded whole and scaled (its orientation is then the
 * browser's, whatever the format holds). Undefined where it cannot be decoded.
 */
async function pictureOf(
	file: Blob,
	data: ArrayBuffer,
	type: string,
	orientation: number | undefined
): Promise<{ width: number; height: number; thumb: EncodedThumbnail } | undefined> {
	// (Not a JPEG turned a quarter by its EXIF: Chromium scales such a picture to the size asked
	// before turning it, so the thumbnail came out squeezed and on its side.)
	const quarter = orientation !== undefined && orientation >= 5;
	const stored = type === 'image/jpeg' && !quarter ? headerSize(new Uint8Array(data), type) : undefined;
	if (stored && typeof OffscreenCanvas !== 'undefined') {
		const t = thumbnailSize(stored.width, stored.height);
		let bitmap: ImageBitmap;
		try {
			bitmap = await createImageBitmap(file, { resizeWidth: t.width, resizeHeight: t.height, resizeQuality: 'medium' });
		} catch {
			return undefined;
		}
		// (A browser that ignores the size asked, or has no bitmap renderer, scales it on a 2D canvas.)
		const canvas = new OffscreenCanvas(t.width, t.height);
		const renderer = bitmap.width === t.width && bitmap.height === t.height ? canvas.getContext('bitmaprenderer') : null;
		if (renderer) {
			renderer.transferFromImageBitmap(bitmap);
			return { ...stored, thumb: await encodeThumbnail(canvas) };
		}
		try {
			return { ...stored, thumb: await thumbnailOf(bitmap) };
		} finally {
			bitmap.close();
		}
	}
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		return undefined;
	}
	try {
		return { width: bitmap.width, height: bitmap.height, thumb: await thumbnailOf(bitmap) };
	} finally {
		bitmap.close();
	}
}
