import { defineConfig } from 'vitest/config';
import { FIREFOX_MISSING, firefoxExecutable } from './tests/firefox/browser.ts';

/**
 * The core journeys in a second engine: Debian's firefox-esr, headless, over WebDriver BiDi
 * (puppeteer-core), against the production build. `npm run test:firefox`.
 *
 * Without Firefox a local run says so and passes with no tests, so `npm test` works on a machine
 * that has only Chromium; under CI a missing Firefox fails (global setup throws).
 */
const skipLocally = !firefoxExecutable() && !process.env.CI;
if (skipLocally) console.warn(`\n${'!'.repeat(72)}\n${FIREFOX_MISSING}\n${'!'.repeat(72)}\n`);

export default defineConfig({
	test: {
		include: skipLocally ? [] : ['tests/firefox/**/*.test.ts'],
		passWithNoTests: skipLocally,
		environment: 'node',
		globalSetup: skipLocally ? [] : ['tests/firefox/global-setup.ts'],
		// One Firefox at a time: two would fight over this 2-core machine.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		expect: { poll: { timeout: 15_000, interval: 100 } },
		// CI totals the runners from their JSON reports (.ci/run), as reports/unit.json.
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: { json: 'reports/firefox.json' }
	}
});
