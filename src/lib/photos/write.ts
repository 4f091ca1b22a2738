/**
 * Writing to IndexedDB so that a photo is whole or absent: a transaction's writes all commit or
 * none do, and the errors a write can end with are told apart (storage full, a Blob refused).
 */
import type { NewPhoto } from './types';

/** True when a write failed because the origin's storage quota is used up. */
export function isQuotaError(e: unknown): boolean {
	if (!(e instanceof DOMException || e instanceof Error)) return false;
	// Chromium reports it on the request; a transaction it aborted reports AbortError with the cause.
	return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(e.message);
}

/**
 * The device has no room for this photo. It carries the photo, so the person can download it
 * at once instead of losing it.
 */
export class StorageFullError extends Error {
	readonly photo: NewPhoto;
	constructor(photo: NewPhoto, options?: { cause?: unknown }) {
		super('There is no space left on this device for photos.', options);
		this.name = 'StorageFullError';
		this.photo = photo;
	}
}

/** Aborts a transaction unless it has finished already. */
export function abortQuietly(tx: { abort(): void }): void {
	try {
		tx.abort();
	} catch {
		// committed or aborted already
	}
}

/**
 * Issues a transaction's writes and waits for it to commit: all or nothing. A write that throws
 * at once (a Blob the browser refuses) aborts the transaction, so the writes issued before it
 * are undone; their failures, and the transaction's, are then expected and not left unhandled.
 */
export async function writeAll(
	tx: { abort(): void; done: Promise<void> },
	...writes: (() => Promise<unknown> | undefined)[]
): Promise<void> {
	const issued: Promise<unknown>[] = [];
	try {
		for (const write of writes) {
			const request = write();
			if (request) issued.push(request);
		}
		await Promise.all([...issued, tx.done]);
	} catch (e) {
		for (const request of [...issued, tx.done]) request.catch(() => {});
		abortQuietly(tx);
		throw e;
	}
}

/** An IndexedDB write that refused a Blob (WebKit in private browsing; some Safari releases). */
export function isBlobRefused(e: unknown): boolean {
	if (!(e instanceof DOMException || e instanceof Error)) return false;
	// WebKit says "Error preparing Blob/File data…" with UnknownError; taken broadly, since
	// trying again with bytes costs nothing where the Blob was not the cause.
	return e.name === 'DataCloneError' || e.name === 'UnknownError';
}
