import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/browser';
import { FAKE_VIDEO_FILE, PERSON_VIDEO_FILE } from './tests/e2e/paths';

/**
 * Each checkout gets its own port (from its path), so two checkouts testing at once never
 * share a server: a reused server from another checkout would test the wrong build.
 */
function portFor(dir: string): number {
	let h = 0;
	for (const ch of dir) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return 4400 + (h % 500);
}
const PORT = Number(process.env.E2E_PORT ?? portFor(process.cwd()));
const baseURL = `http://127.0.0.1:${PORT}`;
const executablePath = chromiumExecutable();

// Chromium keeps calling home without these; this machine has no network to answer.
const quietArgs = [
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-default-apps'
];

export default defineConfig({
	testDir: './tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Under CI the machine is shared: WebGL on SwiftShader and 1080p encodes have taken 50 s at a
	// load of 14 on 2 cores (3 journeys over 45 s in one run). Slowness is measured by the bench,
	// never by a test's clock.
	timeout: process.env.CI ? 90_000 : 45_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
	use: {
		baseURL,
		permissions: ['camera'],
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		viewport: { width: 1280, height: 800 }
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: [/file-camera\.spec\.ts/, /backdrops\.spec\.ts/],
			use: {
				launchOptions: {
					executablePath,
					args: [...quietArgs, '--use-fake-device-for-media-stream=device-count=2']
				}
			}
		},
		{
			// A camera backed by a video file: fixed photo capabilities that reject anything else.
			name: 'file-camera',
			testMatch: /file-camera\.spec\.ts/,
			use: {
				launchOptions: {
					executablePath,
					args: [
						...quietArgs,
						'--use-fake-device-for-media-stream',
						`--use-file-for-fake-video-capture=${FAKE_VIDEO_FILE}`
					]
				}
			}
		},
		{
			// A camera that films a person (head and shoulders on a wall): backdrops need someone
			// the segmentation model can find.
			name: 'person-camera',
			testMatch: /backdrops\.spec\.ts/,
			use: {
				launchOptions: {
					executablePath,
					args: [
						...quietArgs,
						'--use-fake-device-for-media-stream',
						`--use-file-for-fake-video-capture=${PERSON_VIDEO_FILE}`
					]
				}
			}
		}
	],
	webServer: {
		// The production build as a static host serves it, with the adapter's fallback page.
		command: `npx sirv build --single 200.html --host 127.0.0.1 --port ${PORT} --quiet`,
		url: baseURL,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
