/**
 * The trash: a deleted photo's metadata waits here while Undo is offered; its bytes stay in
 * `originals` and `thumbnails` until purged, so undoing even thousands of deletions copies no
 * image data. Each call is one transaction, all or nothing. The repository announces changes.
 */
import type { IDBPDatabase } from 'idb';
import type { BoothDB } from './db';
import type { PhotoMeta } from './types';

type DB = IDBPDatabase<BoothDB>;

/** Moves the photos' metadata to the trash; returns the ids that were there to move. */
export async function moveToTrash(db: DB, ids: readonly string[], now: number): Promise<string[]> {
	const tx = db.transaction(['photos', 'trash'], 'readwrite');
	const photosStore = tx.objectStore('photos');
	const trashStore = tx.objectStore('trash');
	const metas = await Promise.all(ids.map((id) => photosStore.get(id)));
	const moved = metas.filter((m): m is PhotoMeta => !!m);
	await Promise.all([
		...moved.flatMap((meta) => [trashStore.put({ meta, deletedAt: now }), photosStore.delete(meta.id)]),
		tx.done
	]);
	return moved.map((m) => m.id);
}

/** Puts trashed photos back as they were; returns the ids that came back. */
export async function moveFromTrash(db: DB, ids: readonly string[]): Promise<string[]> {
	const tx = db.transaction(['photos', 'trash'], 'readwrite');
	const photosStore = tx.objectStore('photos');
	const trashStore = tx.objectStore('trash');
	const entries = (await Promise.all(ids.map((id) => trashStore.get(id)))).filter((e) => !!e);
	await Promise.all([...entries.flatMap((e) => [photosStore.put(e.meta), trashStore.delete(e.meta.id)]), tx.done]);
	return entries.map((e) => e.meta.id);
}

/**
 * Deletes trashed photos for good, bytes and all: those named, or (with `olderThan`) every one
 * trashed before that time. Photos put back meanwhile are left alone. Returns how many.
 */
export async function purgeTrash(db: DB, ids: readonly string[] | { olderThan: number }): Promise<number> {
	const tx = db.transaction(['trash', 'originals', 'thumbnails'], 'readwrite');
	const trashStore = tx.objectStore('trash');
	const entries = Array.isArray(ids)
		? (await Promise.all(ids.map((id) => trashStore.get(id)))).filter((e) => !!e)
		: (await trashStore.getAll()).filter((e) => e.deletedAt < (ids as { olderThan: number }).olderThan);
	await Promise.all([
		...entries.flatMap((e) => [
			trashStore.delete(e.meta.id),
			tx.objectStore('originals').delete(e.meta.id),
			tx.objectStore('thumbnails').delete(e.meta.id)
		]),
		tx.done
	]);
	return entries.length;
}
