/**
 * The IndexedDB schema, with numbered upgrade steps. Step N takes a database at version N-1 to
 * version N; a new installation runs every step in order, an old one only the missing ones, so
 * existing photos are always kept.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { PhotoMeta, StoredThumbnail } from './types';

export const DB_NAME = 'photobooth';

/** The original bytes: an ArrayBuffer plus its type, since WebKit mishandles Blobs in IndexedDB. */
export interface StoredOriginal {
	id: string;
	data: ArrayBuffer;
	type: string;
}

export interface BoothDB extends DBSchema {
	photos: {
		key: string;
		value: PhotoMeta;
		/** [takenAt, id]: capture-time order with a tie-breaker, so paging never skips a photo. */
		indexes: { 'by-time': [number, string] };
	};
	originals: { key: string; value: StoredOriginal };
	thumbnails: { key: string; value: StoredThumbnail };
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
 * Opens the database. A connection that blocks another tab's upgrade closes itself (so the
 * upgrade goes through) and the next call opens a fresh one; `terminated` is handled the same way.
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
	}).then((db) => (handle = db));
}
