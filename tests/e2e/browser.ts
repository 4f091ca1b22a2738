import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * download (undefined lets Playwright pick it). Playwright cannot download browsers here.
 */
export function chromiumExecutable(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return fromEnv;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return undefined;
}

/** Throws a message that says how to get a browser when none is installed. */
export function assertChromiumAvailable(): void {
	const path = chromiumExecutable() ?? safeBundledPath();
	if (path && existsSync(path)) return;
	throw new Error(
		[
			'No Chromium found for the end-to-end tests.',
			'Install one of these, then run npm test again:',
			'  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
			'  - anywhere with internet: npx playwright install chromium',
			'  - or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		].join('\n')
	);
}

function safeBundledPath(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined;
	}
}
