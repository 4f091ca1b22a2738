import { test as base, expect, type Page } from '@playwright/test';
import { countStoredPhotos } from '../shared/in-page';

/**
 * Every test fails on an uncaught error, a console error, or a request to any host but the
 * local server: the booth must work with nothing leaving the machine.
 */
export const test = base.extend<{ guard: void }>({
	guard: [
		async ({ page }, use) => {
			const problems: string[] = [];
			const local = new Set(['127.0.0.1', 'localhost', '[::1]']);
			page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
			page.on('console', (m) => {
				if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
			});
			page.on('request', (r) => {
				const url = r.url();
				if (/^(data|blob):/.test(url)) return;
				if (!local.has(new URL(url).hostname)) problems.push(`request left the machine: ${url}`);
			});
			await use();
			expect(problems, 'no errors and no outside requests').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Opens the camera page and waits until the preview shows moving frames. */
export async function openCamera(page: Page): Promise<void> {
	await page.goto('/');
	await expectLivePreview(page);
}

export async function expectLivePreview(page: Page): Promise<void> {
	const preview = page.getByLabel('Camera preview');
	await expect(preview).toBeVisible();
	await expect
		.poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0))
		.toBe(true);
	const t0 = await preview.evaluate((v: HTMLVideoElement) => v.currentTime);
	await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(t0);
}

/** Takes `n` photos with the shutter button and waits until each is saved. */
export async function takePhotos(page: Page, n: number): Promise<void> {
	const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
	const before = await savedCount(page);
	for (let i = 0; i < n; i++) {
		await shutter.click();
		await expect.poll(() => savedCount(page)).toBe(before + i + 1);
	}
	await expect(page.getByText('Photo saved')).toBeAttached();
}

/** The number of photos in IndexedDB, read as the app stores them. */
export function savedCount(page: Page): Promise<number> {
	return page.evaluate(countStoredPhotos);
}

export function nav(page: Page, name: 'Camera' | 'Gallery' | 'Settings') {
	return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/**
 * Opens the preview at 1280x720, below the fake camera's 1920x1080 photo size, so that stills
 * go through ImageCapture.takePhoto() (used where it gives more than the live frame).
 */
export async function smallerPreview(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
		navigator.mediaDevices.getUserMedia = (c?: MediaStreamConstraints) => {
			const video = c?.video;
			if (video && typeof video === 'object') {
				return gum({ ...c, video: { ...video, width: { ideal: 1280 }, height: { ideal: 720 } } });
			}
			return gum(c);
		};
	});
}
