import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * A private copy of build/ served on its own port, as a static host serves it, for tests that
 * change the deployed files (a new version) without touching the shared server.
 */
export interface BuildCopy {
	url: string;
	dir: string;
	close(): Promise<void>;
}

export async function serveBuildCopy(): Promise<BuildCopy> {
	const dir = mkdtempSync(join(tmpdir(), 'photobooth-build-'));
	cpSync('build', dir, { recursive: true });
	// dev: read files on every request, so a changed file is served at once.
	const handler = sirv(dir, { dev: true, single: '200.html', etag: true });
	const server: Server = createServer((req, res) => handler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		dir,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				});
			})
	};
}
