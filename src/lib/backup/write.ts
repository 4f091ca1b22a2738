/**
 * Writing a backup: every photo's stored bytes exactly (no EXIF added), its thumbnail where it
 * has one, and manifest.json with what the gallery knows of each photo and the settings, as one
 * archive job (see export/zip.ts for how the archive is made).
 */
import type { PhotoMeta } from '$lib/photos/types';
import { nameFiles } from '$lib/export/filename';
import type { ZipJob } from '$lib/export/zip';
import type { EventRecord } from '$lib/event/setup';
import { buildManifest, MANIFEST_NAME, OVERLAY_FOLDER, PHOTO_FOLDER, THUMB_FOLDER } from './manifest';

/** An overlay that goes into a backup. */
export interface BackupOverlay {
	id: string;
	name: string;
	image: Blob;
}

/** The overlays a backup needs: those its strips and the settings name (ids, once each). */
export function overlaysUsed(all: readonly PhotoMeta[], settingsOverlay: string): string[] {
	const ids = new Set(all.flatMap((m) => (m.strip?.overlay ? [m.strip.overlay] : [])));
	if (settingsOverlay) ids.add(settingsOverlay);
	return [...ids];
}

/**
 * The archive of a backup. Thumbnails go along (a few % more bytes), so a restored gallery of
 * thousands scrolls at once instead of decoding every original again.
 */
export function backupJob(
	all: readonly PhotoMeta[],
	withThumbnails: ReadonlySet<string>,
	settings: unknown,
	now = new Date(),
	overlays: readonly BackupOverlay[] = [],
	events: readonly EventRecord[] = []
): ZipJob {
	const files = nameFiles(all, PHOTO_FOLDER).map((f) =>
		withThumbnails.has(f.meta.id) ? { ...f, thumbnail: `${THUMB_FOLDER}${f.meta.id}.jpg` } : f
	);
	const listed = overlays.map((o) => ({ id: o.id, name: o.name, file: `${OVERLAY_FOLDER}${o.id}.png` }));
	const manifest = buildManifest(files, settings, now, listed, events);
	// The stored bytes exactly, no EXIF: a restore gives back the very same photos.
	return {
		files,
		exif: false,
		extra: { [MANIFEST_NAME]: JSON.stringify(manifest, null, '\t') },
		...(overlays.length ? { attachments: Object.fromEntries(overlays.map((o, i) => [listed[i].file, o.image])) } : {})
	};
}
