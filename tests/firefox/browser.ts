import { existsSync } from 'node:fs';

/**
 * The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr. Puppeteer never downloads one
 * here (puppeteer-core only; this machine cannot fetch browser builds).
 */
export function firefoxExecutable(): string | undefined {
	const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
	return existsSync(path) ? path : undefined;
}

/** What to do when there is no Firefox: said the same way by the config and the setup. */
export const FIREFOX_MISSING = [
	`No Firefox found${process.env.FIREFOX_PATH ? ` at FIREFOX_PATH=${process.env.FIREFOX_PATH}` : ' at /usr/bin/firefox-esr'}: the Firefox journeys (tests/firefox) were NOT run.`,
	'To run them, install one and run `npm run test:firefox` again:',
	'  - Debian/Ubuntu: sudo apt-get install -y firefox-esr   (gives /usr/bin/firefox-esr; .ci/run installs it)',
	'  - or point FIREFOX_PATH at a Firefox binary (ESR 128 or newer, for WebDriver BiDi).'
].join('\n');
