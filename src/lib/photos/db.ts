/**
 * The IndexedDB schema, with numbered upgrade steps. Step N takes a database at version N-1 to
 * version N; a new installation runs every step in order, an old one only the missing ones, so
 * existing photos are always kept.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { NewPhoto, PhotoMeta, StoredThumbnail, TrashedPhoto } from './types';

export const DB_NAME = 'photobooth';

/**
 * The original bytes and their type. A Blob where the browser keeps Blobs in IndexedDB safely:
 * the browser holds it on disk, and an export or a viewer hands it on without reading it into
 * JavaScript. An ArrayBuffer in WebKit, whose Blobs in IndexedDB fail (refused in private
 * browsing, unreadable after a reload in some versions), and in every photo stored before
 * Blobs were used. Readers take both.
 */
export interface StoredOriginal {
	id: string;
	data: ArrayBuffer | Blob;
	type: string;
	/** CRC-32 of the bytes, computed when they were stored (photos stored before it was kept lack it). */
	crc?: number;
}

/**
 * Whether this browser's originals go into IndexedDB as Blobs. Not in WebKit (every browser on
 * iOS, and Safari): its Blob storage refuses writes in private browsing (WebKit bug 286561) and
 * has lost the files behind stored Blobs in releases (bug 292142, iOS 18.4), which a write
 * cannot detect. There an ArrayBuffer is the form that keeps photos.
 */
export function blobsKeptSafely(): boolean {
	// Workers have no navigator.vendor to tell WebKit by: they store bytes, which is always safe.
	if ('WorkerGlobalScope' in globalThis) return false;
	if (typeof document === 'undefined') return true; // Node (tests): no engine to distrust
	return navigator.vendor !== 'Apple Computer, Inc.';
}

/** Stored bytes in either form, as bytes (reads a Blob). */
export async function storedBytes(data: ArrayBuffer | Blob): Promise<ArrayBuffer> {
	return data instanceof Blob ? data.arrayBuffer() : data;
}

export interface BoothDB extends DBSchema {
	photos: {
		key: string;
		value: PhotoMeta;
		/** [takenAt, id]: capture-time order with a tie-breaker, so paging never skips a photo. */
		indexes: {
			'by-time': [number, string];
			/** [favorite, takenAt, id]: the favourites alone, in capture-time order. */
			'by-favorite': [number, number, string];
		};
	};
	originals: { key: string; value: StoredOriginal };
	thumbnails: { key: string; value: StoredThumbnail };
	/**
	 * Deleted photos' metadata while Undo is still offered. Their bytes stay in `originals` and
	 * `thumbnails` until purged, so undoing even thousands of deletions copies no image data.
	 */
	trash: { key: string; value: TrashedPhoto };
	/** Overlays drawn over strips (a transparent PNG a person imported), by id. */
	overlays: { key: string; value: StoredOverlay };
}

/** An imported overlay: its bytes (as originals are kept where Blobs are not safe) and type. */
export interface StoredOverlay {
	id: string;
	data: ArrayBuffer;
	type: string;
	/** A name to show for it (its file name). */
	name: string;
}

type UpgradeTx = IDBPTransaction<BoothDB, StoreNames<BoothDB>[], 'versionchange'>;
type Step = (db: IDBPDatabase<BoothDB>, tx: UpgradeTx) => void;

/** Upgrade steps; index i takes version i to version i + 1. Append, never edit. */
export const STEPS: Step[] = [
	// v1: metadata, and original bytes apart so a gallery listing never loads full images.
	(db) => {
		const photos = db.createObjectStore('photos', { keyPath: 'id' });
		photos.createIndex('by-time', ['takenAt', 'id']);
		db.createObjectStore('originals', { keyPath: 'id' });
	},
	// v2: thumbnails in their own store. Photos from v1 get theirs when the gallery first shows them.
	(db) => {
		db.createObjectStore('thumbnails', { keyPath: 'id' });
	},
	// v3: favourites and an undoable trash. `favorite` is 0/1, not a boolean, because IndexedDB
	// cannot index booleans; every existing photo gets 0 so the index covers the whole collection.
	(db, tx) => {
		const store = tx.objectStore('photos');
		store.createIndex('by-favorite', ['favorite', 'takenAt', 'id']);
		db.createObjectStore('trash', { keyPath: 'meta.id' });
		// Only IndexedDB requests are awaited here, so the upgrade transaction stays open; a failure
		// aborts the whole upgrade and the database stays at v2 with its photos.
		void (async () => {
			let cursor = await store.openCursor();
			while (cursor) {
				if (cursor.value.favorite === undefined) await cursor.update({ ...cursor.value, favorite: 0 });
				cursor = await cursor.continue();
			}
		})();
	},
	// v4: strips. A strip is a photo record with `kind` and its recipe (no index needed: it sorts
	// with the photos); the overlays drawn over strips have a store of their own.
	(db) => {
		db.createObjectStore('overlays', { keyPath: 'id' });
	}
];

export const DB_VERSION = STEPS.length;

export interface OpenOptions {
	/** Open at an older version (tests of the upgrade path). */
	version?: number;
	/** Called when another tab needs a newer version: this connection has been closed. */
	onVersionChange?: () => void;
}

/**
 * The photos here were stored by a newer version of the booth (its database is at a higher
 * version than this code knows), and this older version was served: reloading with the network
 * on brings the newer version; nothing is changed meanwhile.
 */
export class NewerDatabaseError extends Error {
	/** The photo a shot could not store for it, to be offered as a download instead. */
	photo?: NewPhoto;
	constructor(options?: { cause?: unknown }) {
		super(
			'A newer version of Photo Booth was used on this device, and its photos need it. Reload with the network on to update to it; nothing has been changed.',
			options
		);
		this.name = 'NewerDatabaseError';
	}
}

/** `e`, carrying `photo` if it is a NewerDatabaseError (so the photo can still be kept). */
export function withUnsavedPhoto(e: unknown, photo: NewPhoto): unknown {
	if (e instanceof NewerDatabaseError) e.photo = photo;
	return e;
}

/**
 * Opens the database. A connection that blocks another tab's upgrade closes itself (so the
 * upgrade goes through) and the next call opens a fresh one; `terminated` is handled the same way.
 * A database newer than this code rejects with NewerDatabaseError.
 */
export function openBoothDB(options: OpenOptions = {}): Promise<IDBPDatabase<BoothDB>> {
	const version = options.version ?? DB_VERSION;
	let handle: IDBPDatabase<BoothDB> | undefined;
	return openDB<BoothDB>(DB_NAME, version, {
		upgrade(db, oldVersion, newVersion, tx) {
			for (let v = oldVersion; v < (newVersion ?? version); v++) STEPS[v](db, tx);
		},
		blocked() {
			console.warn('Photo Booth is open in another tab with an older version; waiting for it.');
		},
		blocking() {
			handle?.close();
			options.onVersionChange?.();
		},
		terminated() {
			options.onVersionChange?.();
		}
	}).then(
		(db) => (handle = db),
		(e: unknown) => {
			throw e instanceof DOMException && e.name === 'VersionError' ? new NewerDatabaseError({ cause: e }) : e;
		}
	);
}
