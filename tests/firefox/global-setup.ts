import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';
import { FIREFOX_MISSING, firefoxExecutable } from './browser';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the production build is served for these tests, e.g. http://127.0.0.1:39123. */
		firefoxBaseURL: string;
	}
}

/**
 * Serves a snapshot of build/ as a static host serves it (with the adapter's fallback page), on a
 * port the system picks, so it never meets Playwright's server (4400-4899) or another checkout's.
 * A snapshot, because a rebuild while Firefox runs would otherwise swap the files under it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const firefox = firefoxExecutable();
	// Only reached without Firefox under CI (the config leaves the tests out elsewhere): fail loudly.
	if (!firefox) throw new Error(FIREFOX_MISSING);
	if (!existsSync('build/index.html')) {
		throw new Error('No production build in build/. Run `npm run build` first (npm test does).');
	}
	console.log(`${execFileSync(firefox, ['--version'], { encoding: 'utf8' }).trim()} (${firefox})`);

	const dir = mkdtempSync(join(tmpdir(), 'photobooth-firefox-build-'));
	cpSync('build', dir, { recursive: true });
	const handler = sirv(dir, { single: '200.html', etag: true });
	const server = createServer((req, res) => handler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('the static server has no port');
	project.provide('firefoxBaseURL', `http://127.0.0.1:${address.port}`);

	return () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => {
				rmSync(dir, { recursive: true, force: true });
				resolve();
			});
		});
}
