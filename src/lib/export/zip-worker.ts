/**
 * The service worker's half of an export: it holds jobs posted by the page and answers the
 * archive's URL with a stream written as the browser downloads it. The archive is never whole
 * in memory, the download starts at once, and the page's main thread does none of the work.
 */
import { zipPhotos, type ZipJob } from './zip';
import { ZIP_PATH, ZIP_PROTOCOL, type ZipControl, type ZipNews, type ZipRequest } from './zip-protocol';

interface Pending {
	job: ZipJob;
	port: MessagePort;
	controller: AbortController;
	/** A job whose URL is never asked for (the page went away) is dropped after this. */
	expires: number;
}

const pending = new Map<string, Pending>();
const UNCLAIMED_MS = 60_000;
/** Progress messages at most this often: one per photo would be thousands a second. */
const PROGRESS_MS = 100;

const cancelled = () => new DOMException('The export was cancelled.', 'AbortError');

/** Handles a page's message if it is about archives; returns false for anyone else's. */
export function onZipMessage(event: { data: unknown; ports: readonly MessagePort[] }): boolean {
	const data = event.data as ZipRequest | undefined;
	if (data?.type === 'zip-keepalive') return true; // the event itself was the point
	if (data?.type !== 'zip-job') return false;
	const port = event.ports[0];
	if (!port) return true;
	if (data.protocol !== ZIP_PROTOCOL) {
		port.postMessage({ type: 'error', message: 'The app was updated: reload the page and export again.' } satisfies ZipNews);
		return true;
	}
	const now = Date.now();
	for (const [token, p] of pending) if (p.expires < now) pending.delete(token);
	const controller = new AbortController();
	port.onmessage = (e: MessageEvent<ZipControl>) => {
		if (e.data?.type === 'cancel') controller.abort(cancelled());
	};
	pending.set(data.token, { job: data.job, port, controller, expires: now + UNCLAIMED_MS });
	port.postMessage({ type: 'accepted' } satisfies ZipNews);
	return true;
}

/** Whether a request is for an archive (it must not get the app shell instead). */
export function isZipRequest(url: URL): boolean {
	return url.origin === self.location.origin && url.pathname.startsWith(ZIP_PATH);
}

/** `attachment` with the UTF-8 name, and a plain ASCII one for readers that only know that. */
function disposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The response to an archive's URL: its stream, or 404 when the job is unknown. */
export function serveZip(url: URL): Response {
	const [token = '', encodedName = ''] = url.pathname.slice(ZIP_PATH.length).split('/');
	const p = pending.get(token);
	pending.delete(token);
	if (!p) {
		return new Response('This export is no longer available. Start it again from the gallery.', {
			status: 404,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' }
		});
	}
	const { job, port, controller } = p;
	let open = true;
	const send = (news: ZipNews) => {
		if (!open) return;
		port.postMessage(news);
		if (news.type === 'done' || news.type === 'cancelled' || news.type === 'error') {
			open = false;
			port.close();
		}
	};
	send({ type: 'started' });
	let lastProgress = 0;
	const reader = zipPhotos(job, {
		signal: controller.signal,
		onProgress: (done) => {
			const now = Date.now();
			if (now - lastProgress < PROGRESS_MS && done < job.files.length) return;
			lastProgress = now;
			send({ type: 'progress', done });
		},
		onUnreadable: (id) => send({ type: 'unreadable', id })
	}).getReader();
	// A pass-through that sees the end: the last byte handed over, an error, or the reader leaving.
	let out!: ReadableStreamDefaultController<Uint8Array>;
	const body = new ReadableStream<Uint8Array>(
		{
			start(c) {
				out = c;
			},
			async pull() {
				try {
					const { value, done } = await reader.read();
					if (done) {
						out.close();
						send({ type: 'done' });
					} else out.enqueue(value);
				} catch (e) {
					send(controller.signal.aborted ? { type: 'cancelled' } : { type: 'error', message: e instanceof Error ? e.message : String(e) });
					out.error(e);
				}
			},
			async cancel(reason) {
				// The download was cancelled in the browser, or the page went away.
				controller.abort(cancelled());
				await reader.cancel(reason).catch(() => {});
			}
		},
		{ highWaterMark: 0 }
	);
	// Cancelled from the page: the download fails at once, even if the browser is not reading.
	controller.signal.addEventListener(
		'abort',
		() => {
			send({ type: 'cancelled' });
			try {
				out.error(controller.signal.reason);
			} catch {
				// already closed or cancelled
			}
			void reader.cancel(controller.signal.reason).catch(() => {});
		},
		{ once: true }
	);
	let fileName = 'photobooth.zip';
	try {
		fileName = decodeURIComponent(encodedName) || fileName;
	} catch {
		// a malformed name: the default will do
	}
	return new Response(body, {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': disposition(fileName),
			'Cache-Control': 'no-store'
		}
	});
}
