import { test, expect, openCamera, expectLivePreview } from './fixtures';

test('the preview starts on its own, mirrored, and can be stopped and started', async ({ page }) => {
	await openCamera(page);
	const preview = page.getByLabel('Camera preview');
	// A user-facing camera is shown as a mirror.
	await expect(preview).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');

	await page.getByRole('button', { name: 'Stop camera', exact: true }).click();
	await expect(page.getByText('The camera is off')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeDisabled();
	expect(await preview.evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();

	await page.getByRole('button', { name: 'Start camera', exact: true }).click();
	await expectLivePreview(page);
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeEnabled();
});

test('the camera is released when the page is hidden and comes back when shown', async ({ page }) => {
	await openCamera(page);
	const trackState = () =>
		page.evaluate(() => {
			const v = document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]');
			const s = v?.srcObject as MediaStream | null;
			return s ? s.getVideoTracks()[0]?.readyState : 'none';
		});
	const keepTrack = () =>
		page.evaluate(() => {
			(window as unknown as { __t: MediaStreamTrack }).__t = (
				document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')!.srcObject as MediaStream
			).getVideoTracks()[0];
		});
	await keepTrack();
	const setVisibility = (state: 'hidden' | 'visible') =>
		page.evaluate((s) => {
			Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		}, state);

	await setVisibility('hidden');
	await expect.poll(trackState).toBe('none');
	expect(await page.evaluate(() => (window as unknown as { __t: MediaStreamTrack }).__t.readyState)).toBe('ended');

	await setVisibility('visible');
	await expectLivePreview(page);
	expect(await trackState()).toBe('live');
});

test('leaving the camera page releases the camera', async ({ page }) => {
	await openCamera(page);
	await page.evaluate(() => {
		(window as unknown as { __t: MediaStreamTrack }).__t = (
			document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')!.srcObject as MediaStream
		).getVideoTracks()[0];
	});
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gallery', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Gallery' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __t: MediaStreamTrack }).__t.readyState)).toBe('ended');
});

test('a booth opened in a hidden tab waits to be shown before using the camera', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
		(window as unknown as { __asked: number }).__asked = 0;
		navigator.mediaDevices.getUserMedia = (c) => {
			(window as unknown as { __asked: number }).__asked++;
			return gum(c);
		};
	});
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
	await page.waitForTimeout(500);
	expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expectLivePreview(page);
});
