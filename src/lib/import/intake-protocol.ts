/** What the page and the import workers (intake-worker.ts) say to each other. */
import type { ImportOutcome } from '$lib/photos/imported';
import type { Intake } from './intake';

export interface IntakeJob {
	id: number;
	file: Blob;
	/** An archive entry's time; a File's own is read in the worker. */
	lastModified?: number;
	/** Say when it is taken in (an archive entry: its bytes are in memory until then). */
	ack?: boolean;
}

/** Page to worker: more files, and whether originals are stored as Blobs (else as bytes). */
export interface IntakeRequest {
	jobs: IntakeJob[];
	blobs: boolean;
}

/** What became of one file. */
export interface IntakeResult {
	id: number;
	/** Stored (or found already here): what became of the photo with this id. */
	stored?: ImportOutcome;
	photo?: string;
	/** Not a photo for the worker: an archive, a video, or refused with a reason. */
	intake?: Exclude<Intake, { kind: 'photo' }>;
	error?: { name: string; message: string };
}

/** Worker to page. */
export interface IntakeReply {
	results?: IntakeResult[];
	/** Jobs asked with `ack` that are now taken in. */
	taken?: number[];
	/** The browser refused a Blob: originals go as bytes from now on. */
	blobsRefused?: true;
}
