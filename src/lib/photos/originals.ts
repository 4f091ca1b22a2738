/**
 * How originals are stored: as Blobs where the browser keeps them safely, else as bytes (see
 * StoredOriginal), falling back to bytes for good the first time a Blob is refused; and older
 * photos stored as bytes moved to Blobs, with their CRC-32 where they lacked one, so an export
 * hands them on without reading them.
 */
import type { IDBPDatabase } from 'idb';
import { crcOfBytes } from '$lib/checksums/crc32';
import type { BoothDB } from './db';
import { abortQuietly, isBlobRefused } from './write';

/** Bytes or a Blob as a Blob of this type (a Blob is re-typed without copying its bytes). */
export function asBlob(data: ArrayBuffer | Blob, type: string): Blob {
	return data instanceof Blob && data.type === type ? data : new Blob([data], { type });
}

/** Whether originals are written as Blobs, for as long as the browser takes them. */
export class OriginalsForm {
	#blobs: boolean;

	constructor(blobs: boolean) {
		this.#blobs = blobs;
	}

	get blobs(): boolean {
		return this.#blobs;
	}

	/** A Blob was refused: bytes from now on. */
	refused(): void {
		this.#blobs = false;
	}

	/**
	 * Runs a write of an original in the current form; if the browser refuses its Blob, writes
	 * the bytes instead (and from then on), so the photo is kept either way.
	 */
	async write<T>(write: (asBlobs: boolean) => Promise<T>): Promise<T> {
		const asBlobs = this.#blobs;
		try {
			return await write(asBlobs);
		} catch (e) {
			if (!asBlobs || !isBlobRefused(e)) throw e;
			console.warn('This browser refused a photo as a Blob; storing photos as bytes from now on.', e);
			this.refused();
			return write(false);
		}
	}
}

/** Stores a CRC worked out after the save, unless the photo was deleted or replaced meanwhile. */
export async function storeChecksum(db: IDBPDatabase<BoothDB>, id: string, crc: number, size: number): Promise<void> {
	const tx = db.transaction('originals', 'readwrite');
	tx.done.catch(() => {}); // a failure reaches the caller through the awaits below
	const o = await tx.store.get(id);
	if (o && o.crc === undefined && o.data instanceof Blob && o.data.size === size) await tx.store.put({ ...o, crc });
	await tx.done;
}

export interface MoveOptions {
	/** Stops between transactions once aborted, to go on another time. */
	signal?: AbortSignal;
	/** Awaited between transactions (an idle moment). */
	pause?: () => Promise<void>;
	/** How many photos one transaction rewrites. */
	batch?: number;
}

/**
 * A few at a time, each batch in its own transaction (a photo is rewritten whole or not at
 * all). Returns how many it moved, and whether the browser refused a Blob (then nothing more
 * is moved: every photo is left as it is).
 */
export async function moveOriginalsToBlobs(
	open: () => Promise<IDBPDatabase<BoothDB>>,
	opts: MoveOptions = {}
): Promise<{ moved: number; refused: boolean }> {
	const { signal, pause, batch = 4 } = opts;
	let moved = 0;
	let after: string | undefined;
	while (!signal?.aborted) {
		const tx = (await open()).transaction('originals', 'readwrite');
		tx.done.catch(() => {}); // its failure reaches the caller through the awaits below
		let cursor = await tx.store.openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
		let rewritten = 0;
		// Photos already moved are only looked at: a bounded number per transaction all the same.
		for (let seen = 0; cursor && rewritten < batch && seen < 64; seen++) {
			const o = cursor.value;
			after = o.id;
			if (!(o.data instanceof Blob)) {
				const crc = crcOfBytes(o.data, o.crc);
				try {
					await cursor.update({ ...o, data: new Blob([o.data], { type: o.type }), crc });
				} catch (e) {
					abortQuietly(tx);
					if (!isBlobRefused(e)) throw e;
					return { moved, refused: true };
				}
				rewritten++;
			}
			cursor = await cursor.continue();
		}
		await tx.done;
		moved += rewritten;
		if (!cursor) break;
		await pause?.();
	}
	return { moved, refused: false };
}
