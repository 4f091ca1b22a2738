import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect, expectLivePreview, takePhotos, nav } from './fixtures';
import { unzip } from './zip';
import { stillCamera, sepiaIsThePreview } from './effect-pixels';
import { startEvent } from './event-helpers';

/** First visit online, then wait until the service worker controls the page. */
async function visitOnceOnline(page: Page): Promise<void> {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
}

test('the service worker takes control on the first visit and precaches the whole build', async ({ page }) => {
	await visitOnceOnline(page);
	const cached = await page.evaluate(async () => {
		const names = await caches.keys();
		const urls: string[] = [];
		for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		return { names, urls };
	});
	expect(cached.names.some((n) => n.startsWith('photobooth-precache'))).toBe(true);
	for (const path of ['/', '/gallery', '/settings', '/200.html', '/manifest.webmanifest', '/pwa-192x192.png']) {
		expect(cached.urls, path).toContain(path);
	}
	expect(cached.urls.some((u) => u.startsWith('/_app/immutable/entry/'))).toBe(true);
	expect(cached.urls.some((u) => u.endsWith('.css'))).toBe(true);
});

test('with the network gone, every route and a never-visited deep link load', async ({ page, context }) => {
	await visitOnceOnline(page);
	await context.setOffline(true);

	await page.reload();
	await expectLivePreview(page);
	for (const [path, heading] of [
		['/gallery', 'Gallery'],
		['/settings', 'Settings'],
		['/gallery?photo=never-seen', 'Gallery']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	// A route that does not exist still gets the app shell (and its not-found page), not an error.
	await page.goto('/nowhere');
	await expect(nav(page, 'Camera')).toBeVisible();
});

test('a photo taken offline is in the gallery after an offline reload, and exports', async ({ page, context }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await visitOnceOnline(page);
	await context.setOffline(true);
	await page.reload();
	await expectLivePreview(page);
	await takePhotos(page, 2);
	// The encode worker's script came from the precache: offline stills are encoded there too.
	await expect(page.locator('[data-encoded-in]')).toHaveAttribute('data-encoded-in', 'worker');
	await page.goto('/gallery');
	await page.reload();
	await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
	await page.getByRole('list').getByRole('link').first().click();
	await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('dialog', { name: 'Photo viewer' }).getByText('1 of 2')).toBeVisible();

	// And they export, still offline: the archive is joined from the stored Blobs in the page.
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeHidden();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	expect(files.size).toBe(2);
	await expect(page.getByRole('status').getByText('Exported 2 photos')).toBeVisible();
});

test('effects work offline: the picker, the live preview and the saved photo all come from the precache', async ({ page, context }) => {
	test.slow(); // WebGL on SwiftShader: 49 s once at load 14
	await stillCamera(page);
	await visitOnceOnline(page);
	await context.setOffline(true);
	await page.reload();
	await expectLivePreview(page);
	// Nothing of the effects has loaded yet on this page: picker, pipeline and shaders load now.
	await sepiaIsThePreview(page);
	await expect(page.locator('[data-encoded-in]')).toHaveAttribute('data-encoded-in', 'worker');
});

test('GIFs and boomerangs work offline: the clip worker and the video muxer come from the precache', async ({ page, context }) => {
	test.slow();
	await visitOnceOnline(page);
	await context.setOffline(true);
	await page.reload();
	await expectLivePreview(page);
	const modes = page.getByRole('radiogroup', { name: 'Mode' });
	const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
	await modes.getByRole('radio', { name: 'GIF', exact: true }).click();
	await shutter.click();
	await expect(page.getByText('GIF saved')).toBeAttached({ timeout: 30_000 });
	await modes.getByRole('radio', { name: 'Boomerang', exact: true }).click();
	await shutter.click();
	await expect(page.getByText('Boomerang saved')).toBeAttached({ timeout: 30_000 });
	await nav(page, 'Gallery').click();
	await expect(page.getByRole('list').getByRole('img', { name: /^Boomerang, / })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img', { name: /^GIF, / })).toBeVisible();
});

test('event mode works offline: started, shot, kept, and still locked after a reload, from the precache', async ({ page, context }) => {
	test.slow();
	await visitOnceOnline(page);
	await context.setOffline(true);
	await startEvent(page);
	await page.getByRole('button', { name: 'Tap to start' }).click();
	await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
	await page.getByRole('button', { name: 'Take photo' }).click();
	await page.getByRole('button', { name: 'Keep' }).click();
	await page.getByRole('button', { name: 'Done' }).click();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Photos (1)' })).toBeVisible();
	await page.goto('/settings');
	await expect(page.getByRole('dialog', { name: 'Enter PIN' })).toBeVisible();
});

test('after the first photo the storage is reported in settings', async ({ page }) => {
	await visitOnceOnline(page);
	await expectLivePreview(page);
	await takePhotos(page, 1);
	await nav(page, 'Settings').click();
	await expect(page.getByText(/\d+(\.\d)? (B|KB|MB) used of \d+(\.\d)? (KB|MB|GB|TB) this browser allows/)).toBeVisible();
	await expect(page.getByRole('meter', { name: 'Storage used' })).toBeVisible();
	await expect(page.getByTestId('persistence')).toHaveText(/^(Persistent|Best effort)/);
	// persist() was asked for after that first photo.
	expect(await page.evaluate(() => localStorage.getItem('photobooth.persist-asked'))).toBe('1');
});
