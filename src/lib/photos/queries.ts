/**
 * Reading photos in the gallery's order (newest first) through the capture-time indexes, a
 * page at a time, so a listing never reads more than it shows.
 */
import type { IDBPDatabase } from 'idb';
import type { BoothDB } from './db';
import type { PageCursor, PhotoMeta } from './types';

type DB = IDBPDatabase<BoothDB>;

/**
 * Up to `limit` photos, newest first, continuing after `after` when given. With `favorites`,
 * only favourites (through their own index, so nothing else is read); with `event`, only that
 * event's (read through the time index: an event is a small part of a gallery).
 */
export async function pageOf(
	db: DB,
	limit: number,
	after: PageCursor | undefined,
	{ favorites = false, event }: { favorites?: boolean; event?: string } = {}
): Promise<PhotoMeta[]> {
	const store = db.transaction('photos').store;
	const cursorP = favorites
		? store
				.index('by-favorite')
				.openCursor(
					after
						? IDBKeyRange.bound([1, -Infinity, ''], [1, after.takenAt, after.id], false, true)
						: IDBKeyRange.bound([1, -Infinity, ''], [1, Infinity, []]),
					'prev'
				)
		: store.index('by-time').openCursor(after ? IDBKeyRange.upperBound([after.takenAt, after.id], true) : undefined, 'prev');
	const out: PhotoMeta[] = [];
	let cursor = await cursorP;
	while (cursor && out.length < limit) {
		if (!event || cursor.value.event === event) out.push(cursor.value);
		cursor = await cursor.continue();
	}
	return out;
}

/** The photos either side of `photo` in newest-first order. */
export async function neighboursOf(db: DB, photo: PageCursor): Promise<{ newer?: PhotoMeta; older?: PhotoMeta }> {
	const index = db.transaction('photos').store.index('by-time');
	const [newer, older] = await Promise.all([
		index.openCursor(IDBKeyRange.lowerBound([photo.takenAt, photo.id], true), 'next'),
		index.openCursor(IDBKeyRange.upperBound([photo.takenAt, photo.id], true), 'prev')
	]);
	return { newer: newer?.value, older: older?.value };
}

/** Which of these ids are already taken (by a photo, or one in the trash). */
export async function takenIds(db: DB, ids: readonly string[]): Promise<Set<string>> {
	const tx = db.transaction(['photos', 'trash']);
	const found = await Promise.all(
		ids.map(async (id) => (await tx.objectStore('photos').getKey(id)) ?? (await tx.objectStore('trash').getKey(id)))
	);
	return new Set(found.filter((k): k is string => k !== undefined));
}
