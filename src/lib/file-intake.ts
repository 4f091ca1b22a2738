/**
 * What comes in from files a person brings (imports, restored backups): the reason given for
 * one that cannot be taken, and its bytes as a buffer of exactly their length.
 */

/** A reason to give the person for one file; anything else is unexpected and reported as such. */
export class FileRejected extends Error {}

/** One file (or archive entry) that was not taken, and why. */
export interface FileProblem {
	/** The file, or "archive.zip: inner/name.jpg" for an entry of an archive. */
	file: string;
	reason: string;
}

/** The bytes as an ArrayBuffer of exactly their length (copied only where they are a view into more). */
export function exactBuffer(b: Uint8Array): ArrayBuffer {
	return (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer) as ArrayBuffer;
}
