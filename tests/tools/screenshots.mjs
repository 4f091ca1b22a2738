// Real screenshots of the running production build, for the README and the web app manifest.
// Usage: npm run build && npm run screenshots
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

// Same choice as tests/e2e/browser.ts (Node 20 cannot import TypeScript directly).
const chromiumExecutable = () =>
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = 4391;
const base = `http://127.0.0.1:${PORT}`;
const out = new URL('../../static/screenshots/', import.meta.url).pathname;

const server = spawn('npx', ['sirv', 'build', '--single', '200.html', '--host', '127.0.0.1', '--port', String(PORT), '--quiet'], {
	stdio: 'ignore',
	detached: true
});
try {
	for (let i = 0; i < 50; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const browser = await chromium.launch({
		executablePath: chromiumExecutable(),
		args: ['--use-fake-device-for-media-stream', '--disable-background-networking', '--no-first-run']
	});
	const shots = [
		{ name: 'camera-wide', viewport: { width: 1280, height: 800 }, path: '/' },
		{ name: 'camera-narrow', viewport: { width: 412, height: 892 }, path: '/' }
	];
	for (const shot of shots) {
		const context = await browser.newContext({ viewport: shot.viewport, colorScheme: 'dark', permissions: ['camera'] });
		const page = await context.newPage();
		await page.goto(`${base}/`);
		const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
		await shutter.waitFor();
		await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
		for (let i = 0; i < 6; i++) {
			await shutter.click();
			await page.waitForTimeout(350);
		}
		if (shot.path !== '/') await page.goto(`${base}${shot.path}`);
		await page.waitForTimeout(900);
		await page.screenshot({ path: `${out}${shot.name}.png` });
		console.log(`wrote static/screenshots/${shot.name}.png`);
		await context.close();
	}
	await browser.close();
} finally {
	process.kill(-server.pid);
}
