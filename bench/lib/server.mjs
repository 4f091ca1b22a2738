// One origin for the app and the reference page, so IndexedDB, camera permission and the
// network path are the same for both. build/ is served as a static host would serve it (with the
// adapter's fallback page for deep links); bench/reference/ is served under /__bench/reference/.
import { createServer } from 'node:http';
import sirv from 'sirv';

export const REFERENCE_PATH = '/__bench/reference/';

/** Serves `buildDir` at / and `referenceDir` at /__bench/reference/ on 127.0.0.1:port. */
export async function startServer({ buildDir, referenceDir, port }) {
	// Hashed files under /_app/immutable/ may be cached for ever; everything else is revalidated,
	// which is what a sane static host does (and what keeps the service worker's update check honest).
	const setHeaders = (res, pathname) => {
		res.setHeader(
			'Cache-Control',
			pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
	};
	const app = sirv(buildDir, { single: '200.html', etag: true, setHeaders });
	const reference = sirv(referenceDir, {
		etag: true,
		setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache')
	});
	const server = createServer((req, res) => {
		if (req.url === '/__bench/reference') {
			res.writeHead(301, { Location: REFERENCE_PATH }).end();
		} else if (req.url.startsWith(REFERENCE_PATH)) {
			req.url = req.url.slice(REFERENCE_PATH.length - 1) || '/';
			reference(req, res, () => res.writeHead(404).end('not found'));
		} else {
			app(req, res, () => res.writeHead(404).end('not found'));
		}
	});
	return listen(server, port);
}

/**
 * Serves the reference page (`referenceDir`) at / on an origin of its own: no service worker of
 * the app's ever controls it, and its storage is its own.
 */
export async function startReferenceServer({ referenceDir, port }) {
	const reference = sirv(referenceDir, { etag: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
	const server = createServer((req, res) => reference(req, res, () => res.writeHead(404).end('not found')));
	return listen(server, port);
}

/** Listens on 127.0.0.1:port; resolves to the origin and a close() that drops open connections. */
async function listen(server, port) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
