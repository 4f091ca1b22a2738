/**
 * Restoring a backup: the archive's manifest.json says which entry is which photo; each photo
 * comes back with its id, times, favourite and thumbnail, checked against what the manifest
 * says. A photo already here is skipped, and one that cannot be restored is reported with its
 * reason while the others come back. The importer (import/) reads the archive and stores.
 */
import { TextWriter, type Entry, type FileEntry } from '@zip.js/zip.js';
import { exactBuffer, FileRejected } from '$lib/file-intake';
import { sniff } from '$lib/pixels/sniff';
import { thumbnailSize } from '$lib/pixels/thumbnail';
import type { PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import type { EventRecord } from '$lib/event/setup';
import { MANIFEST_NAME, ManifestError, metaFromManifest, parseManifest, type ManifestPhoto } from './manifest';

/** What a restore needs from the import running it. */
export interface RestoreSteps {
	signal: AbortSignal;
	/** The entry's bytes, checksum verified; rejects with FileRejected when damaged. */
	read(entry: Entry): Promise<Uint8Array>;
	/** Which of these ids are here already. */
	existing(ids: readonly string[]): Promise<Set<string>>;
	/** The image's pixel size, by decoding it; rejects with FileRejected where it does not decode. */
	measure(data: ArrayBuffer, type: string): Promise<{ width: number; height: number; duration?: number }>;
	/** Stores one photo whole (counted as added, or skipped where its id is taken). */
	store(meta: PhotoMeta, data: ArrayBuffer, thumbnail?: StoredThumbnail): Promise<void>;
	skipped(): void;
	problem(file: string, reason: string): void;
	/** `more` photos to go, as the manifest lists them; then one call per photo handled. */
	progress(more?: number): void;
	/** The backup holds settings: offered to the person, never applied unasked. */
	offerSettings(raw: Record<string, unknown>): void;
	/** Keeps an overlay the backup holds, under its id (strips and settings name it). */
	storeOverlay(id: string, name: string, image: Blob): Promise<void>;
	/** Adds the events the photos were made at to this device's list (the gallery groups by them). */
	storeEvents(events: readonly EventRecord[]): Promise<void>;
}

/** The backup's manifest entry, where these entries are a Photo Booth backup. */
export function manifestEntry(entries: readonly Entry[]): FileEntry | undefined {
	return entries.find((e): e is FileEntry => e.filename === MANIFEST_NAME && !e.directory);
}

/** A backed-up thumbnail, if it is there and sound; else the gallery makes a new one later. */
async function thumbnailOf(p: ManifestPhoto, byName: Map<string, Entry>, steps: RestoreSteps): Promise<StoredThumbnail | undefined> {
	const entry = p.thumbnail ? byName.get(p.thumbnail) : undefined;
	if (!entry) return undefined;
	try {
		const data = await steps.read(entry);
		if (sniff(data.subarray(0, 16)) !== 'image/jpeg') return undefined;
		return { id: p.id, data: exactBuffer(data), type: 'image/jpeg', ...thumbnailSize(p.width, p.height) };
	} catch (e) {
		if (e instanceof FileRejected) return undefined;
		throw e;
	}
}

/** Restores the photos of the backup `archive` (its entries, with its manifest entry). */
export async function restoreBackup(archive: string, manifest: FileEntry, entries: readonly Entry[], steps: RestoreSteps): Promise<void> {
	let parsed: ReturnType<typeof parseManifest>;
	// 10,000 photos take about 5 MB of manifest: one far past that is not a backup of ours.
	if ((manifest.uncompressedSize ?? 0) > 64 * 1024 * 1024) throw new FileRejected('its manifest.json is far too large to be a backup');
	try {
		parsed = parseManifest(await manifest.getData(new TextWriter()));
	} catch (e) {
		throw new FileRejected(e instanceof ManifestError ? e.message : 'its manifest.json cannot be read');
	}
	if (parsed.bad) {
		// An entry with a field out of range (a time no date can show, a size below 1) or missing.
		const what = parsed.bad === 1 ? 'one photo entry in its manifest is' : `${parsed.bad} photo entries in its manifest are`;
		steps.problem(archive, `${what} damaged (a missing or impossible id, file, time, size or type)`);
	}
	const byName = new Map(entries.map((e) => [e.filename, e]));
	const already = await steps.existing(parsed.photos.map((p) => p.id));
	steps.progress(parsed.photos.length);
	for (const p of parsed.photos) {
		steps.signal.throwIfAborted();
		try {
			if (already.has(p.id)) {
				steps.skipped();
				continue;
			}
			const entry = byName.get(p.file);
			if (!entry) throw new FileRejected('missing from the archive');
			const data = await steps.read(entry);
			if (sniff(data.subarray(0, 16)) !== p.type) throw new FileRejected(`not the ${p.type} image the manifest says`);
			const bytes = exactBuffer(data);
			const pixels = await steps.measure(bytes, p.type);
			await steps.store(metaFromManifest(p, data.byteLength, pixels), bytes, await thumbnailOf({ ...p, ...pixels }, byName, steps));
		} catch (e) {
			if (!(e instanceof FileRejected)) throw e;
			steps.problem(`${archive}: ${p.file}`, e.message);
		} finally {
			steps.progress();
		}
	}
	for (const o of parsed.overlays) {
		steps.signal.throwIfAborted();
		const entry = byName.get(o.file);
		try {
			if (!entry) throw new FileRejected('missing from the archive');
			const data = await steps.read(entry);
			if (sniff(data.subarray(0, 16)) !== 'image/png') throw new FileRejected('not the PNG the manifest says');
			await steps.storeOverlay(o.id, o.name, new Blob([exactBuffer(data)], { type: 'image/png' }));
		} catch (e) {
			if (!(e instanceof FileRejected)) throw e;
			steps.problem(`${archive}: ${o.file}`, e.message);
		}
	}
	if (parsed.events.length) await steps.storeEvents(parsed.events);
	const settings = parsed.settings;
	if (settings && typeof settings === 'object' && !Array.isArray(settings)) steps.offerSettings(settings as Record<string, unknown>);
}
