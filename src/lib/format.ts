/** Display formatting shared by the pages (local time, sizes, counts). */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "24 Nov 2026, 14:30:05" in the person's locale and time zone. */
export function formatDateTime(ms: number): string {
	return dateTime.format(ms);
}

/** The alt text of a photo: starts "Photo taken" and gives the local date and time. */
export function photoAlt(takenAt: number): string {
	return `Photo taken ${formatDateTime(takenAt)}`;
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
