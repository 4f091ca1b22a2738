import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openCamera, takePhotos, expectLivePreview } from './fixtures';

const track = (page: Page) =>
	page.evaluate(() => {
		const s = document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')?.srcObject as MediaStream | null;
		const t = s?.getVideoTracks()[0];
		return t ? { label: t.label, settings: t.getSettings() as Record<string, unknown> } : null;
	});

/** Grants pan-tilt-zoom over CDP: Playwright's permission list has no name for it. */
async function grantPtz(context: BrowserContext, page: Page, origin: string) {
	const cdp = await context.newCDPSession(page);
	const { targetInfo } = await cdp.send('Target.getTargetInfo');
	await cdp.send('Browser.grantPermissions', {
		origin,
		browserContextId: targetInfo.browserContextId,
		permissions: ['videoCapture', 'cameraPanTiltZoom']
	});
}

test('Switch camera and C cycle the cameras; the preview follows and the choice is kept', async ({ page }) => {
	await openCamera(page);
	expect((await track(page))?.label).toBe('fake_device_0');
	await page.getByRole('button', { name: 'Switch camera' }).click();
	await expect.poll(async () => (await track(page))?.label).toBe('fake_device_1');
	await page.reload();
	// The app's preview (not the early view app.html shows while the app loads) has the camera.
	await expectLivePreview(page);
	await expect.poll(async () => (await track(page))?.label).toBe('fake_device_1');
	await page.keyboard.press('c');
	await expect.poll(async () => (await track(page))?.label).toBe('fake_device_0');
});

test('zoom is offered with the pan-tilt-zoom permission, clamped, remembered and reset', async ({ page, context, baseURL }) => {
	await page.goto('/settings');
	await grantPtz(context, page, baseURL!);
	await openCamera(page);
	await page.getByRole('button', { name: 'Camera controls' }).click();
	const panel = page.getByRole('region', { name: 'Camera controls' });
	const zoom = panel.getByRole('slider', { name: /^Zoom/ });
	await expect(zoom).toBeVisible();
	await expect(zoom).toHaveAttribute('min', '100');
	await expect(zoom).toHaveAttribute('max', '400');

	await zoom.fill('250');
	await expect.poll(async () => (await track(page))?.settings.zoom).toBe(250);
	await expect(panel.getByText('2.5×')).toBeVisible();

	// Remembered for this camera across a reload.
	await page.reload();
	await expect.poll(async () => (await track(page))?.settings.zoom).toBe(250);
	await page.getByRole('button', { name: 'Camera controls' }).click();
	await page.getByRole('region', { name: 'Camera controls' }).getByRole('button', { name: 'Reset' }).click();
	await expect.poll(async () => (await track(page))?.settings.zoom).toBe(100);
	await page.reload();
	await expect.poll(async () => (await track(page))?.settings.zoom).toBe(100);
	// Photos still work with the zoom applied.
	await takePhotos(page, 1);
});

test('without the pan-tilt-zoom permission there is no zoom, and the camera still works', async ({ page }) => {
	await openCamera(page);
	await page.getByRole('button', { name: 'Camera controls' }).click();
	const panel = page.getByRole('region', { name: 'Camera controls' });
	// What the fake camera really has.
	await expect(panel.getByRole('combobox', { name: 'Exposure mode' })).toBeVisible();
	await expect(panel.getByRole('slider', { name: /^Focus distance/ })).toBeVisible();
	await expect(panel.getByRole('slider', { name: /^Zoom/ })).toHaveCount(0);
	expect((await track(page))?.settings.zoom).toBeUndefined();
});

test('a manual control switches its mode to manual and is applied to the camera', async ({ page }) => {
	await openCamera(page);
	await page.getByRole('button', { name: 'Camera controls' }).click();
	const panel = page.getByRole('region', { name: 'Camera controls' });
	await panel.getByRole('slider', { name: /^Exposure time/ }).fill('40');
	await expect.poll(async () => (await track(page))?.settings.exposureTime).toBe(40);
	await expect(panel.getByRole('combobox', { name: 'Exposure mode' })).toHaveValue('manual');
	expect((await track(page))?.settings.exposureMode).toBe('manual');
});

test('a value the camera refuses is reverted and explained; the preview carries on', async ({ page }) => {
	await page.addInitScript(() => {
		const apply = MediaStreamTrack.prototype.applyConstraints;
		MediaStreamTrack.prototype.applyConstraints = function (c?: MediaTrackConstraints) {
			if (JSON.stringify(c ?? {}).includes('focusDistance')) {
				return Promise.reject(new DOMException('refused', 'OverconstrainedError'));
			}
			return apply.call(this, c);
		};
	});
	await openCamera(page);
	const before = (await track(page))?.settings.focusDistance;
	await page.getByRole('button', { name: 'Camera controls' }).click();
	const slider = page.getByRole('region', { name: 'Camera controls' }).getByRole('slider', { name: /^Focus distance/ });
	await slider.fill('77');
	await expect(page.getByRole('alert').getByText(/did not accept that focus distance value/)).toBeVisible();
	await expect(slider).toHaveValue(String(before));
	await takePhotos(page, 1);
});
