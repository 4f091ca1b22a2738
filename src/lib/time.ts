/**
 * Moments the booth can show and write: a photo's time, ms since the epoch. Checked where a
 * time comes in (a backup's manifest, a file, a stored record read back) so one bad value
 * never reaches a date formatter, which throws on it and would take a whole page down.
 */

/** The last moment with a four-digit year (EXIF, file names and ZIP dates want four digits). */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `v` is a time a photo can have: whole ms from 1970 up to the year 9999. */
export function isPhotoTime(v: unknown): v is number {
	return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= LATEST_TIME;
}

/** `v` where it is a photo time, else `fallback` (what a damaged record is shown and sorted by). */
export function photoTime(v: unknown, fallback = 0): number {
	return isPhotoTime(v) ? v : fallback;
}
