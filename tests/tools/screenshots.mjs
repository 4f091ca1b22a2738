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
	// Every capture mode, and a photo shape: what the README shows. camera-wide and camera-narrow
	// are also the web app manifest's screenshots.
	const shots = [
		{ name: 'camera-wide', viewport: { width: 1280, height: 800 } },
		{ name: 'camera-narrow', viewport: { width: 412, height: 892 } },
		// Caught mid-burst: Burst chosen, "2 of 4" on screen, the shutter turned into Cancel.
		{ name: 'mode-burst', viewport: { width: 1280, height: 800 }, settings: { mode: 'burst', burstInterval: 2500 }, burst: true },
		{ name: 'shape-square', viewport: { width: 1280, height: 800 }, settings: { shape: '1:1' } },
		// Caught mid-session: the 2x6 guide over the viewfinder, two cells filled, "3 of 4".
		{ name: 'mode-strip', viewport: { width: 1280, height: 800 }, settings: { mode: 'strip', caption: 'Ana & Luis', stripLayout: 'strip-2x6' }, strip: 'session' },
		// The finished strip in the gallery's viewer, with Print and Change layout; and on a phone.
		{ name: 'strip-viewer', viewport: { width: 1280, height: 800 }, settings: { mode: 'strip', caption: 'Ana & Luis', stripLayout: 'two-strips-4x6', stripBackground: 'night' }, strip: 'viewer' },
		// Live effects: a distortion over the preview, and the picker's page of nine live previews.
		{ name: 'effect-twirl', viewport: { width: 1280, height: 800 }, settings: { effect: 'twirl' }, effect: true },
		{ name: 'effects-picker', viewport: { width: 1280, height: 800 }, settings: { effect: 'sepia' }, picker: true },
		// Moving pictures: a GIF being recorded, a video's timer and Stop recording, and the gallery
		// with a GIF, a boomerang and a video marked (then the boomerang playing in the viewer).
		{ name: 'mode-gif', viewport: { width: 1280, height: 800 }, settings: { mode: 'gif', gifFrames: 20, gifDuration: 5000 }, motion: 'gif' },
		{ name: 'mode-video', viewport: { width: 412, height: 892 }, settings: { mode: 'video', videoLimit: 30000 }, motion: 'video' },
		{ name: 'gallery-motion', viewport: { width: 1280, height: 800 }, settings: { mode: 'gif', gifFrames: 6, gifDuration: 1500, boomerangGif: true }, motion: 'gallery' },
		{ name: 'strip-viewer-narrow', viewport: { width: 412, height: 892 }, settings: { mode: 'strip', caption: 'Ana & Luis', stripLayout: 'postcard', stripBackground: 'blush' }, strip: 'viewer' }
	];
	// SHOTS=event (say) takes only the shots whose names hold that word.
	const only = process.env.SHOTS;
	for (const shot of shots.filter((s) => !only || s.name.includes(only))) {
		const context = await browser.newContext({ viewport: shot.viewport, colorScheme: 'dark', permissions: ['camera'] });
		if (shot.settings) {
			await context.addInitScript((v) => {
				if (!sessionStorage.getItem('seeded')) {
					localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, ...v }));
					sessionStorage.setItem('seeded', '1');
				}
			}, shot.settings);
		}
		const page = await context.newPage();
		await page.goto(`${base}/`);
		const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
		await shutter.waitFor();
		await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
		if (shot.strip === 'session') {
			await shutter.click();
			await page.getByText('3 of 4').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1200);
		} else if (shot.strip === 'viewer') {
			await shutter.click();
			await page.waitForTimeout(2000);
			// The strip is stored after its shots: the latest-photo tile shows it then.
			await page.locator('a[aria-label="Open latest photo"] img[alt^="Strip"]').waitFor({ timeout: 60_000 });
			await page.getByRole('link', { name: 'Open latest photo' }).click();
			const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
			await viewer.getByRole('button', { name: 'Change layout' }).waitFor();
			await page.waitForFunction(() => {
				const img = document.querySelector('[role="dialog"] img[alt^="Strip"]');
				return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
			});
			await page.waitForTimeout(600);
		} else if (shot.motion === 'gif' || shot.motion === 'video') {
			await shutter.click();
			await page.getByText(`Recording ${shot.motion === 'gif' ? 'GIF' : 'Video'}`).first().waitFor();
			await page.waitForTimeout(shot.motion === 'gif' ? 1500 : 3300);
		} else if (shot.motion === 'gallery') {
			const modes = page.getByRole('radiogroup', { name: 'Mode' });
			await shutter.click();
			await page.getByText('GIF saved').waitFor({ timeout: 30_000 });
			await modes.getByRole('radio', { name: 'Boomerang', exact: true }).click();
			await shutter.click();
			await page.getByText('Boomerang and GIF saved').waitFor({ timeout: 60_000 });
			await modes.getByRole('radio', { name: 'Video', exact: true }).click();
			await shutter.click();
			await page.waitForTimeout(3000);
			await page.getByRole('button', { name: 'Stop recording' }).click();
			await page.getByText('Video saved').waitFor({ timeout: 30_000 });
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gallery', exact: true }).click();
			await page.getByRole('list').getByRole('img').nth(3).waitFor();
			await page.waitForFunction(() => [...document.querySelectorAll('[role="list"] img')].every((i) => i instanceof HTMLImageElement && i.complete && i.naturalWidth > 0));
			await page.waitForTimeout(500);
			await page.screenshot({ path: `${out}gallery-motion.png` });
			console.log('wrote static/screenshots/gallery-motion.png');
			await page.getByRole('list').getByRole('img', { name: /^Boomerang/ }).click();
			await page.waitForFunction(() => (document.querySelector('[role="dialog"] video')?.currentTime ?? 0) > 0.8);
			await page.screenshot({ path: `${out}boomerang-viewer.png` });
			console.log('wrote static/screenshots/boomerang-viewer.png');
			await context.close();
			continue;
		} else if (shot.effect) {
			await page.locator('canvas.fx').waitFor();
			await page.waitForTimeout(1500);
		} else if (shot.picker) {
			await page.getByRole('button', { name: 'Effects', exact: true }).click();
			await page.getByRole('dialog', { name: 'Effects' }).waitFor();
			await page.waitForTimeout(2500);
		} else if (shot.burst) {
			// A first burst gives the latest-photo tile something to show; the second is caught.
			await shutter.click();
			await page.getByRole('button', { name: 'Take photo', exact: true }).waitFor({ timeout: 20_000 });
			await shutter.click();
			await page.getByText('2 of 4').first().waitFor();
			await page.waitForTimeout(700);
			// The latest photo's tile swaps to the new photo's thumbnail: shown once it has it.
			await page.waitForFunction(() => {
				const img = document.querySelector('a[aria-label="Open latest photo"] img');
				return !img || (img.complete && img.naturalWidth > 0);
			});
		} else {
			for (let i = 0; i < 6; i++) {
				await shutter.click();
				await page.waitForTimeout(350);
			}
			await page.waitForTimeout(900);
		}
		await page.screenshot({ path: `${out}${shot.name}.png` });
		console.log(`wrote static/screenshots/${shot.name}.png`);
		await context.close();
	}
	if (!only || 'event'.includes(only)) await eventShots(browser);
	if (!only) {
		// Two tabs of the booth: the second says the camera is in use in the first.
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark', permissions: ['camera'] });
		const first = await context.newPage();
		await first.goto(`${base}/`);
		await first.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
		const second = await context.newPage();
		await second.goto(`${base}/`);
		await second.getByRole('button', { name: 'Use camera here' }).waitFor();
		await second.waitForTimeout(400);
		await second.screenshot({ path: `${out}camera-other-tab.png` });
		console.log('wrote static/screenshots/camera-other-tab.png');
		await context.close();
	}
	await browser.close();
	if (!only || 'backdrop'.includes(only) || only.includes('backdrop')) await backdropShots();
} finally {
	process.kill(-server.pid);
}

/**
 * Event mode on a tablet: the host's card in Settings, the attract screen, the big shutter, a
 * guest's strip with Keep and Retake, and the PIN pad on a phone.
 */
async function eventShots(browser) {
	const tablet = { width: 1180, height: 820 };
	const context = await browser.newContext({ viewport: tablet, colorScheme: 'dark', permissions: ['camera'] });
	await context.addInitScript(() => {
		window.print = () => undefined;
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, stripLayout: 'strip-2x6', stripShots: 3, stripBackground: 'night' }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	const page = await context.newPage();
	const snap = async (name) => {
		await page.screenshot({ path: `${out}${name}.png` });
		console.log(`wrote static/screenshots/${name}.png`);
	};
	await page.goto(`${base}/settings`);
	const card = page.locator('#event-mode');
	await card.getByRole('textbox', { name: /Event name/ }).fill('Ana & Luis · 30 Nov');
	await card.getByRole('combobox', { name: /Guests get/ }).selectOption({ label: 'Strip' });
	await card.getByRole('switch', { name: /Guests can print/ }).check();
	await card.getByRole('spinbutton', { name: /Print limit/ }).fill('200');
	await card.getByRole('textbox', { name: /^Host PIN 4 to 8/ }).fill('2468');
	await card.getByRole('textbox', { name: /^Host PIN again/ }).fill('2468');
	await card.scrollIntoViewIfNeeded();
	await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(300);
	await snap('event-settings');
	await card.getByRole('button', { name: 'Start event mode' }).click();
	await page.getByRole('button', { name: 'Tap to start' }).waitFor();
	await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
	await page.waitForTimeout(800);
	await snap('event-attract');
	await page.getByRole('button', { name: 'Tap to start' }).click();
	await page.getByRole('button', { name: 'Take strip' }).waitFor();
	await page.waitForTimeout(500);
	await snap('event-shutter');
	await page.getByRole('button', { name: 'Take strip' }).click();
	await page.getByRole('button', { name: 'Keep' }).waitFor({ timeout: 60_000 });
	await page.waitForFunction(() => [...document.querySelectorAll('img')].some((i) => i.complete && i.naturalWidth > 0));
	await page.waitForTimeout(500);
	await snap('event-result');
	await page.setViewportSize({ width: 412, height: 892 });
	await page.keyboard.press('Escape');
	await page.getByRole('dialog', { name: 'Enter PIN' }).waitFor();
	await page.getByRole('textbox', { name: 'PIN' }).fill('12');
	await page.waitForTimeout(300);
	await snap('event-pin');
	await context.close();
}

/**
 * Backdrops: a camera that films a person (the e2e tests' clip, made by their global setup:
 * run the person-camera tests once first), in front of a scene, on a phone, and the picker.
 */
async function backdropShots() {
	const file = new URL('../.cache/camera-640x480-person.y4m', import.meta.url).pathname;
	if (!existsSync(file)) return console.warn(`No ${file}: run npx playwright test --project=person-camera first.`);
	const browser = await chromium.launch({
		executablePath: chromiumExecutable(),
		args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`, '--no-first-run']
	});
	const shots = [
		{ name: 'backdrop-sunset', viewport: { width: 1280, height: 800 }, settings: { backdrop: 'sunset' } },
		{ name: 'backdrop-night-narrow', viewport: { width: 412, height: 892 }, settings: { backdrop: 'night', effect: 'vivid' } },
		{ name: 'backdrop-picker', viewport: { width: 1280, height: 800 }, settings: { backdrop: 'confetti' }, picker: true }
	];
	for (const shot of shots) {
		const context = await browser.newContext({ viewport: shot.viewport, colorScheme: 'dark', permissions: ['camera'] });
		await context.addInitScript((v) => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, ...v }));
				sessionStorage.setItem('seeded', '1');
			}
		}, shot.settings);
		const page = await context.newPage();
		await page.goto(`${base}/`);
		await page.waitForFunction((id) => document.querySelector('canvas.fx')?.dataset.backdrop === id, shot.settings.backdrop, { timeout: 60_000 });
		await page.waitForTimeout(800);
		if (shot.picker) {
			await page.getByRole('button', { name: 'Effects', exact: true }).click();
			const group = page.getByRole('group', { name: 'Backdrop' });
			await group.scrollIntoViewIfNeeded();
			await group.evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'end' }));
			await page.waitForTimeout(1200);
		}
		await page.screenshot({ path: `${out}${shot.name}.png` });
		console.log(`wrote static/screenshots/${shot.name}.png`);
		await context.close();
	}
	await browser.close();
}
