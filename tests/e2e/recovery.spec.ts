import { test, expect, openCamera, expectLivePreview, savedCount } from './fixtures';

test('a lost camera shows a message and recovers on its own', async ({ page }) => {
	await openCamera(page);
	await page.evaluate(() => {
		const t = (document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')!.srcObject as MediaStream).getVideoTracks()[0];
		t.stop();
		t.dispatchEvent(new Event('ended'));
	});
	const alert = page.getByRole('alert');
	await expect(alert.getByRole('heading', { name: 'The camera stopped' })).toBeVisible();
	await expect(alert.getByText(/Trying again on its own/)).toBeVisible();
	// Nobody presses anything: the camera comes back by itself.
	await expect(alert).toBeHidden({ timeout: 10_000 });
	await expectLivePreview(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
});

test('a busy camera is retried with backoff until it is free', async ({ page }) => {
	// Busy until the test has seen the message and frees it (a fixed count of failures raced the
	// assertions on a loaded machine: the camera was back before the message was read).
	await page.addInitScript(() => {
		const w = window as unknown as { __busy: boolean; __tries: number };
		w.__busy = true;
		w.__tries = 0;
		const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
		navigator.mediaDevices.getUserMedia = (c) => {
			w.__tries++;
			return w.__busy ? Promise.reject(new DOMException('in use', 'NotReadableError')) : gum(c);
		};
	});
	await page.goto('/');
	const alert = page.getByRole('alert');
	await expect(alert.getByRole('heading', { name: 'The camera is in use' })).toBeVisible();
	await expect(alert.getByText(/Trying again on its own/)).toBeVisible();
	// It does try again by itself while the camera is busy.
	await expect.poll(() => page.evaluate(() => (window as unknown as { __tries: number }).__tries), { timeout: 10_000 }).toBeGreaterThan(1);
	await page.evaluate(() => ((window as unknown as { __busy: boolean }).__busy = false));
	await expect(alert).toBeHidden({ timeout: 15_000 });
	await expectLivePreview(page);
});

test('a full device keeps nothing half-saved and offers the photo as a download', async ({ page, context, baseURL }) => {
	await openCamera(page);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1024 });
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	// An alert: the photo is not saved, and the person must act to keep it.
	const toast = page.getByRole('alert').filter({ hasText: 'Storage is full' });
	await expect(toast).toBeVisible();
	expect(await savedCount(page)).toBe(0);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		toast.getByRole('button', { name: 'Download' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/);
	// With room again, the next photo saves normally.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin });
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
});
