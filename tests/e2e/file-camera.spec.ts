import { test, expect, openCamera, takePhotos } from './fixtures';
import { FAKE_VIDEO_SIZE } from './paths';

// This project's camera plays a 640x360 file: its photo capabilities are fixed at that size and
// takePhoto() rejects any other, so an unclamped request would lose the photo.
test('a camera with fixed photo capabilities still takes full-size photos', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 2);
	// Through ImageCapture.takePhoto() with clamped settings, not a fallback.
	await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'takePhoto');
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer.getByText(`${FAKE_VIDEO_SIZE.width} × ${FAKE_VIDEO_SIZE.height}`)).toBeVisible();
	await expect
		.poll(() => viewer.getByRole('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
		.toBe(FAKE_VIDEO_SIZE.width);
});
