/**
 * Formatting shared by the pages and the files they write (local time, sizes, counts). A time
 * that is not one (a damaged record) is written as the epoch or "Unknown date", never thrown on.
 */
import { photoTime, isPhotoTime } from './time';
import { formatDuration } from './duration';

export { formatDuration };

/** `n` as at least `width` digits ("07"), its sign and fraction dropped. */
export function pad(n: number, width = 2): string {
	return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** A moment's local calendar date and clock time, each field padded: 2026, 11, 24, 14, 30, 05. */
export function localParts(ms: number): { year: string; month: string; day: string; hours: string; minutes: string; seconds: string } {
	const d = new Date(photoTime(ms));
	return {
		year: pad(d.getFullYear(), 4),
		month: pad(d.getMonth() + 1),
		day: pad(d.getDate()),
		hours: pad(d.getHours()),
		minutes: pad(d.getMinutes()),
		seconds: pad(d.getSeconds())
	};
}

/** A local date and time for file names, as a person sorts them: 2026-11-24-143005. */
export function fileStamp(ms: number): string {
	const p = localParts(ms);
	return `${p.year}-${p.month}-${p.day}-${p.hours}${p.minutes}${p.seconds}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "24 Nov 2026, 14:30:05" in the person's locale and time zone. */
export function formatDateTime(ms: number): string {
	return isPhotoTime(ms) ? dateTime.format(ms) : 'Unknown date';
}

/** The alt text of a photo: starts "Photo taken" and gives the local date and time. */
export function photoAlt(takenAt: number): string {
	return isPhotoTime(takenAt) ? `Photo taken ${formatDateTime(takenAt)}` : 'Photo taken at an unknown date';
}

/**
 * The alt text of anything in the gallery: a strip's starts "Strip" and says how many photos it
 * holds; a GIF's, a boomerang's or a video's names it and says how long it plays; a photo's is
 * photoAlt.
 */
export function itemAlt(item: { takenAt: number; kind?: string; type?: string; duration?: number; strip?: { shots: readonly string[] } }): string {
	const made = isPhotoTime(item.takenAt) ? formatDateTime(item.takenAt) : 'at an unknown date';
	if (item.kind === 'strip') {
		const n = item.strip?.shots.length ?? 0;
		return `Strip of ${n} ${n === 1 ? 'photo' : 'photos'}, made ${made}`;
	}
	const moving = KIND_NAMES[item.kind ?? ''] ?? (item.type?.startsWith('video/') ? 'Video' : undefined);
	if (!moving) return photoAlt(item.takenAt);
	const length = item.duration ? `, ${formatDuration(item.duration)}` : '';
	return `${moving}${length}, made ${made}`;
}


const KIND_NAMES: Record<string, string> = { strip: 'Strip', gif: 'GIF', boomerang: 'Boomerang', video: 'Video' };

/** What a press saved, for screen readers: "Photo saved", "4 photos saved", "Boomerang and GIF saved". */
export function savedMessage(saved: readonly { kind?: string }[]): string {
	if (saved.every((m) => !m.kind)) return saved.length === 1 ? 'Photo saved' : `${saved.length} photos saved`;
	if (saved.some((m) => m.kind === 'strip')) return `Strip saved, with its ${plural(saved.length - 1, 'photo')}`;
	const names = [...new Set(saved.map((m) => KIND_NAMES[m.kind ?? ''] ?? 'Photo'))];
	return `${names.join(' and ')} saved`;
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = bytes / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const dayThisYear = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const dayOtherYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });

/** A day heading: "Today", "Yesterday", "Tuesday 24 November", or with the year if not this one. */
export function formatDay(ms: number, now = Date.now()): string {
	if (!isPhotoTime(ms)) return 'Unknown date';
	const day = new Date(ms);
	const today = new Date(now);
	const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
	const diff = Math.round((startOf(today) - startOf(day)) / 86_400_000);
	if (diff === 0) return 'Today';
	if (diff === 1) return 'Yesterday';
	return (day.getFullYear() === today.getFullYear() ? dayThisYear : dayOtherYear).format(day);
}
