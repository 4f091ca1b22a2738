import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, nav } from './fixtures';
import { chromiumExecutable } from './browser';

interface ManifestIcon {
	src: string;
	sizes: string;
	type?: string;
	purpose?: string;
}

test('the manifest is complete and every icon and screenshot decodes to its declared size', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({
		name: 'Photo Booth',
		short_name: expect.any(String),
		description: expect.any(String),
		id: '/',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
		background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
		categories: expect.arrayContaining(['photo'])
	});
	expect(manifest.orientation).toBeTruthy();
	expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
		['Take a photo', '/'],
		['Gallery', '/gallery']
	]);
	expect(manifest.screenshots.map((s: { form_factor: string }) => s.form_factor).sort()).toEqual(['narrow', 'wide']);

	const icons: ManifestIcon[] = manifest.icons;
	const sizes = icons.map((i) => i.sizes);
	expect(sizes).toContain('192x192');
	expect(sizes).toContain('512x512');
	expect(icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);

	const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	const images: ManifestIcon[] = [
		...icons,
		...manifest.screenshots,
		{ src: appleIcon!, sizes: '180x180' }
	];
	for (const image of images) {
		const url = new URL(image.src, new URL(href!, page.url())).href;
		const decoded = await page.evaluate(async (u) => {
			const blob = await (await fetch(u)).blob();
			const bmp = await createImageBitmap(blob);
			return { size: `${bmp.width}x${bmp.height}`, type: blob.type };
		}, url);
		expect(decoded.size, image.src).toBe(image.sizes);
		if (image.type) expect(decoded.type, image.src).toBe(image.type);
	}
});

test("Chromium's own installability check reports no error", async ({ baseURL }) => {
	// Incognito contexts always report in-incognito: use a persistent profile.
	const profile = mkdtempSync(join(tmpdir(), 'photobooth-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumExecutable(),
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-fake-device-for-media-stream'],
		permissions: ['camera']
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(baseURL!);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		await expect
			.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, { timeout: 15_000 })
			.toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('Install app appears when the browser offers it and goes once installed', async ({ page }) => {
	await page.goto('/');
	// The app's modules load by dynamic import, after the load event: wait until it runs.
	await expect(nav(page, 'Camera')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
	const button = page.getByRole('button', { name: 'Install app' });
	await expect(button).toBeHidden();

	// What Chromium fires when the app can be installed; userChoice resolves as the person answers.
	await page.evaluate(() => {
		const e = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt: () => Promise<void>;
			userChoice: Promise<{ outcome: string; platform: string }>;
		};
		(window as unknown as { __prompted: boolean }).__prompted = false;
		e.prompt = async () => {
			(window as unknown as { __prompted: boolean }).__prompted = true;
		};
		e.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
		window.dispatchEvent(e);
	});
	await expect(button).toBeVisible();
	await button.click();
	await expect(button).toBeHidden();
	expect(await page.evaluate(() => (window as unknown as { __prompted: boolean }).__prompted)).toBe(true);
	await nav(page, 'Settings').click();
	await expect(page.getByText(/^Installed\./)).toBeVisible();
});

test('an iPhone sees how to add the booth to the home screen', async ({ browser, baseURL }) => {
	const context = await browser.newContext({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await page.goto(`${baseURL}/settings`);
	await expect(page.getByText(/tap the Share button, then\s+Add to Home Screen/)).toBeVisible();
	await context.close();
});
