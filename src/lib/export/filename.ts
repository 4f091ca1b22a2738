import { fileStamp } from '$lib/format';
import { extensionFor } from '$lib/pixels/formats';
import type { PhotoMeta } from '$lib/photos/types';

/**
 * A dated file name in local time, as a person would sort their photos:
 * photobooth-2026-11-24-143005.jpg
 */
export function photoFileName(takenAt: number, type: string): string {
	return `photobooth-${fileStamp(takenAt)}.${extensionFor(type)}`;
}

/**
 * Names for the photos of one archive, unique within it: photos taken in the same second get
 * -2, -3, … (photobooth-2026-11-24-143005-2.jpg), in the order they are named.
 */
export function uniqueNamer(): (takenAt: number, type: string) => string {
	const used = new Set<string>();
	return (takenAt, type) => {
		const base = photoFileName(takenAt, type);
		let name = base;
		const dot = base.lastIndexOf('.');
		for (let n = 2; used.has(name); n++) name = `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
		used.add(name);
		return name;
	};
}

/** A photo and its name inside an archive. */
export interface ZipFile {
	meta: PhotoMeta;
	name: string;
	/** Where its stored thumbnail goes in the archive (backups), if anywhere. */
	thumbnail?: string;
}

/**
 * Unique dated names for the photos, in list order, inside `folder` (e.g. "photos/"). The
 * metadata is copied as plain data: the list goes to the service worker, which cannot be sent
 * reactive state.
 */
export function nameFiles(list: readonly PhotoMeta[], folder = ''): ZipFile[] {
	const nameFor = uniqueNamer();
	return list.map((meta) => ({ meta: { ...meta }, name: folder + nameFor(meta.takenAt, meta.type) }));
}
