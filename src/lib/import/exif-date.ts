/**
 * When a photo from another camera was taken, from its own EXIF: DateTimeOriginal, with its
 * OffsetTimeOriginal where the camera wrote one (else the camera's clock is taken as local time,
 * as photo apps do). Read with exifr's lite build (JPEG and TIFF EXIF, 15 KiB gzipped), which
 * loads with the importer only. Undefined where the file has no such date or it is not one. Also its orientation, for its
 * size as shown (see pixels/header.ts).
 */
import exifr from 'exifr/dist/lite.esm.mjs';
import { isPhotoTime } from '$lib/time';

/** What the booth reads from a photo's EXIF: when it was taken, and how it is turned (1-8). */
export interface ExifFacts {
	takenAt?: number;
	orientation?: number;
}

export async function exifTakenAt(data: ArrayBuffer): Promise<number | undefined> {
	return (await exifFacts(data)).takenAt;
}

export async function exifFacts(data: ArrayBuffer): Promise<ExifFacts> {
	try {
		// (No `pick`: the lite build throws on it for tags outside its dictionaries.)
		const tags = (await exifr.parse(data, { reviveValues: false, translateValues: false })) as
			| { DateTimeOriginal?: string; OffsetTimeOriginal?: string; Orientation?: number }
			| undefined;
		const orientation = typeof tags?.Orientation === 'number' ? tags.Orientation : undefined;
		return { takenAt: takenAtOf(tags), ...(orientation ? { orientation } : {}) };
	} catch {
		return {}; // damaged EXIF: the file's own time is used instead
	}
}

function takenAtOf(tags: { DateTimeOriginal?: string; OffsetTimeOriginal?: string } | undefined): number | undefined {
	const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(tags?.DateTimeOriginal ?? '');
	if (!m) return undefined;
	const [year, month, day, hours, minutes, seconds] = m.slice(1).map(Number);
	const offset = /^([+-])(\d{2}):(\d{2})$/.exec(tags?.OffsetTimeOriginal ?? '');
	const t = offset
		? Date.UTC(year, month - 1, day, hours, minutes, seconds) -
			(offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000
		: new Date(year, month - 1, day, hours, minutes, seconds).getTime();
	// "0000:00:00 00:00:00" and other placeholders cameras write are not dates.
	return isPhotoTime(t) && year >= 1900 && month >= 1 && month <= 12 && day >= 1 ? t : undefined;
}
