/**
 * Imported photos written several to a transaction (an import of thousands would otherwise pay
 * a commit per photo): the batch commits whole or not at all, so every photo in it is whole or
 * absent. A photo whose id is already here or in the trash, or earlier in the same batch, is
 * skipped, not replaced.
 */
import type { IDBPDatabase } from 'idb';
import { crcOfBytes } from '$lib/checksums/crc32';
import { storedBytes, type BoothDB } from './db';
import { asBlob } from './originals';
import { writeAll } from './write';
import type { ImportedPhoto } from './types';

export type ImportOutcome = 'added' | 'exists';

/**
 * Writes the batch in one transaction, originals as Blobs (`asBlobs`) or as bytes; returns what
 * became of each photo, in order.
 */
export async function writeImported(
	db: IDBPDatabase<BoothDB>,
	asBlobs: boolean,
	photos: readonly ImportedPhoto[]
): Promise<ImportOutcome[]> {
	// Bytes, and the CRC-32 of photos that came without one, before the transaction opens: one
	// that waits on anything but IndexedDB commits early.
	const data = await Promise.all(
		photos.map(async (p) => (asBlobs ? asBlob(p.data, p.meta.type) : p.data instanceof Blob ? await storedBytes(p.data) : p.data))
	);
	const crcs = await Promise.all(
		photos.map(async (p, i) => p.crc ?? crcOfBytes(data[i] instanceof Blob ? await (data[i] as Blob).arrayBuffer() : (data[i] as ArrayBuffer), undefined))
	);
	const tx = db.transaction(['photos', 'originals', 'thumbnails', 'trash'], 'readwrite');
	const present = await Promise.all(
		photos.map(async ({ meta: { id } }) => {
			const [here, trashed] = await Promise.all([tx.objectStore('photos').getKey(id), tx.objectStore('trash').getKey(id)]);
			return here !== undefined || trashed !== undefined;
		})
	);
	const seen = new Set<string>();
	const outcomes: ImportOutcome[] = [];
	const writes: (() => Promise<unknown> | undefined)[] = [];
	photos.forEach((photo, i) => {
		const { id, type } = photo.meta;
		if (present[i] || seen.has(id)) {
			outcomes.push('exists');
			return;
		}
		seen.add(id);
		outcomes.push('added');
		const { thumbnail } = photo;
		writes.push(
			() => tx.objectStore('photos').add(photo.meta),
			() => tx.objectStore('originals').add({ id, data: data[i], type, crc: crcs[i] }),
			() => thumbnail && tx.objectStore('thumbnails').put({ ...thumbnail, id })
		);
	});
	await writeAll(tx, ...writes);
	return outcomes;
}
