import { extensionFor } from '$lib/capture/constraints';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A dated file name in local time, as a person would sort their photos:
 * photobooth-2026-11-24-143005.jpg
 */
export function photoFileName(takenAt: number, type: string): string {
	const d = new Date(takenAt);
	const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	const time = `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
	return `photobooth-${date}-${time}.${extensionFor(type)}`;
}
