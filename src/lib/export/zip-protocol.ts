/**
 * How the page hands an archive to the service worker, which writes it as the browser downloads
 * it: the page posts the job (with a MessagePort for news of it), then asks for
 * `${ZIP_PATH}<token>/<file name>`; the worker answers that request with the archive's stream.
 * Nothing here is imported by the camera page.
 */
import type { ZipJob } from './zip';

/** Requests under this path are archives being written by the service worker. */
export const ZIP_PATH = '/__zip/';

/** Bumped when the messages change, so a page never talks to a worker that reads them otherwise. */
export const ZIP_PROTOCOL = 2;

/** Page to worker, through `navigator.serviceWorker.controller.postMessage`. */
export type ZipRequest =
	/** A job to hold until its URL is requested; `ports[0]` carries its news back. */
	| { type: 'zip-job'; protocol: number; token: string; job: ZipJob }
	/** Sent while a job runs: a message event keeps a worker alive in every browser. */
	| { type: 'zip-keepalive' };

/** Page to worker, on the job's port. */
export type ZipControl = { type: 'cancel' };

/** Worker to page, on the job's port. */
export type ZipNews =
	| { type: 'accepted' }
	/** The archive's URL was requested: bytes are on their way. */
	| { type: 'started' }
	| { type: 'progress'; done: number }
	/** A photo left out: its stored bytes cannot be read. */
	| { type: 'unreadable'; id: string }
	/** The last byte has been handed to the browser. */
	| { type: 'done' }
	/** The reader went away (the download was cancelled) or the page cancelled. */
	| { type: 'cancelled' }
	| { type: 'error'; message: string };

/** The URL of a job's archive. */
export function zipUrl(token: string, fileName: string): string {
	return `${ZIP_PATH}${token}/${encodeURIComponent(fileName)}`;
}
