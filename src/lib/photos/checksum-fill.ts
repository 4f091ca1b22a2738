/**
 * CRC-32s of originals stored as Blobs, worked out after the save rather than on the shutter's
 * path (an export then hands a photo on without reading it). A burst is not slowed by it: the
 * work waits until saving has been quiet for a second, and stops again when a save comes.
 * What is never worked out (the tab closed first) an export works out itself (crcOf).
 */
import { crcOf } from '$lib/checksums/crc32';

/** How long saving must be quiet before the CRCs of photos just saved are worked out. */
const QUIET_MS = 1000;

/** An idle moment of the page (a tick where there is no such thing). */
function idle(): Promise<void> {
	return new Promise((r) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 1000 }) : setTimeout(r, 0)
	);
}

/** Stores a worked-out CRC with the original, unless it was deleted or replaced meanwhile. */
export type StoreChecksum = (id: string, crc: number, size: number) => Promise<void>;

export class ChecksumFill {
	#store: StoreChecksum;
	#queue = new Map<string, Blob>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#filling: Promise<void> | undefined;
	/** When the last photo was saved (performance.now()). */
	#lastSave = -Infinity;
	/** settled() is draining the queue: no waiting for quiet. */
	#flushing = false;

	constructor(store: StoreChecksum) {
		this.#store = store;
	}

	/** A photo was just stored as this Blob without its CRC. */
	queue(id: string, blob: Blob): void {
		this.#queue.set(id, blob);
		this.#lastSave = performance.now();
		this.#arm();
	}

	/** Resolves once the CRCs of the photos queued so far are stored (tests, and before closing). */
	async settled(): Promise<void> {
		clearTimeout(this.#timer);
		await this.#filling;
		this.#flushing = true;
		try {
			await this.#fill();
		} finally {
			this.#flushing = false;
		}
	}

	/** Forgets what is queued: an export works those out itself. */
	stop(): void {
		clearTimeout(this.#timer);
		this.#queue.clear();
	}

	#arm(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#fill(), QUIET_MS);
	}

	async #fill(): Promise<void> {
		if (this.#filling) return this.#filling;
		this.#filling = (async () => {
			for (const [id, blob] of this.#queue) {
				// Shooting again: its saves come first (they share the store); go on when it is quiet.
				if (!this.#flushing && performance.now() - this.#lastSave < QUIET_MS) {
					this.#arm();
					break;
				}
				this.#queue.delete(id);
				try {
					await idle();
					await this.#store(id, await crcOf(blob, undefined), blob.size);
				} catch (e) {
					// An export works a missing CRC out itself: nothing is lost but a little speed.
					console.warn('Could not store a photo’s checksum:', e);
				}
			}
		})();
		try {
			await this.#filling;
		} finally {
			this.#filling = undefined;
		}
	}
}
