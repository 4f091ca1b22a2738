/**
 * The page's half of an export written by the service worker (see zip-worker.ts): post the job,
 * ask for its URL (a hidden frame for a download, fetch for a file the person picked), and
 * report its progress until the worker says the last byte is out.
 */
import type { ZipJob, ZipRun } from './zip';
import { ZIP_PROTOCOL, zipUrl, type ZipControl, type ZipNews, type ZipRequest } from './zip-protocol';
import type { SaveTarget } from './target';

/** The worker could not take the job (none answering, or it lost it): write it in the page. */
export class WorkerUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WorkerUnavailableError';
	}
}

/** How long the worker may take to accept a job, and then to be asked for its archive. */
const ACCEPT_MS = 3000;
const START_MS = 10_000;
/** Some browsers stop an idle-looking worker even while it streams; a message every so often keeps it. */
const KEEPALIVE_MS = 10_000;
/** The hidden frame has handed the download to the browser long before this. */
const FRAME_LINGER_MS = 60_000;

const cancelled = () => new DOMException('The export was cancelled.', 'AbortError');

/**
 * Has the service worker write the archive into `target`. Rejects with WorkerUnavailableError
 * before any byte is written when the worker cannot do it, so the caller can still write it
 * itself; with AbortError when cancelled.
 */
export function saveViaWorker(worker: ServiceWorker, job: ZipJob, target: SaveTarget, run: ZipRun): Promise<void> {
	run.signal.throwIfAborted();
	const token = crypto.randomUUID();
	const { port1: port, port2 } = new MessageChannel();
	const url = zipUrl(token, target.kind === 'download' ? target.name : 'photobooth.zip');
	const timers: ReturnType<typeof setTimeout>[] = [];
	let keepalive: ReturnType<typeof setInterval> | undefined;
	let frame: HTMLIFrameElement | undefined;
	/** For a file: the copy into it, which ends after the worker's last byte. */
	let piping: Promise<void> | undefined;

	return new Promise<void>((resolve, reject) => {
		let settled = false;
		const finish = (error?: unknown) => {
			if (settled) return;
			settled = true;
			timers.forEach(clearTimeout);
			clearInterval(keepalive);
			run.signal.removeEventListener('abort', onAbort);
			port.onmessage = null;
			port.close();
			if (frame) {
				const f = frame;
				setTimeout(() => f.remove(), FRAME_LINGER_MS);
			}
			if (error === undefined) resolve();
			else reject(error);
		};
		const onAbort = () => {
			port.postMessage({ type: 'cancel' } satisfies ZipControl);
			finish(cancelled());
		};
		run.signal.addEventListener('abort', onAbort, { once: true });

		const begin = () => {
			keepalive = setInterval(() => worker.postMessage({ type: 'zip-keepalive' } satisfies ZipRequest), KEEPALIVE_MS);
			timers.push(setTimeout(() => finish(new WorkerUnavailableError('The service worker did not start the archive.')), START_MS));
			if (target.kind === 'download') {
				frame = document.createElement('iframe');
				frame.hidden = true;
				frame.title = 'Download';
				frame.src = url;
				document.body.append(frame);
				return;
			}
			piping = fetch(url, { signal: run.signal }).then((res) => {
				if (!res.ok || !res.body) throw new WorkerUnavailableError(`The service worker answered ${res.status}.`);
				return res.body.pipeTo(target.writable, { signal: run.signal });
			});
			piping.catch((e: unknown) => finish(run.signal.aborted ? cancelled() : e));
		};

		port.onmessage = ({ data }: MessageEvent<ZipNews>) => {
			switch (data.type) {
				case 'accepted':
					timers.forEach(clearTimeout);
					begin();
					break;
				case 'started':
					timers.forEach(clearTimeout);
					break;
				case 'progress':
					run.onProgress?.(data.done);
					break;
				case 'unreadable':
					run.onUnreadable?.(data.id);
					break;
				case 'done':
					if (piping) piping.then(() => finish(), () => {});
					else finish();
					break;
				case 'cancelled':
					finish(cancelled());
					break;
				case 'error':
					finish(new Error(data.message));
					break;
			}
		};
		timers.push(setTimeout(() => finish(new WorkerUnavailableError('The service worker did not answer.')), ACCEPT_MS));
		worker.postMessage({ type: 'zip-job', protocol: ZIP_PROTOCOL, token, job } satisfies ZipRequest, [port2]);
	});
}
