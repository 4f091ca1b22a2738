import { test, expect, openCamera, takePhotos } from './fixtures';
import { FAKE_VIDEO_SIZE } from './paths';

// This project's camera plays a 640x360 file: its photo capabilities are fixed at that size and
// takePhoto() rejects any other, so an unclamped request would lose the photo.
test('a camera with fixed photo capabilities still takes full-size photos', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 2);
	// Its photo size is its stream size, so the live frame is the full-size photo.
	await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'video');
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer.getByText(`${FAKE_VIDEO_SIZE.width} × ${FAKE_VIDEO_SIZE.height}`)).toBeVisible();
	await expect
		.poll(() => viewer.getByRole('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
		.toBe(FAKE_VIDEO_SIZE.width);
});

/** Mean brightness of the left and right halves of the latest photo's rows 60-160 (the square's). */
async function halves(page: import('@playwright/test').Page) {
	await page.waitForSelector('[role="dialog"] img');
	return page.evaluate(async () => {
		const img = document.querySelector<HTMLImageElement>('[role="dialog"] img')!;
		await img.decode();
		const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const half = img.naturalWidth / 2;
		const mean = (x: number) => {
			const d = ctx.getImageData(x, 60, half, 100).data;
			let sum = 0;
			for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
			return sum / (d.length / 4) / 3;
		};
		return { left: mean(0), right: mean(half) };
	});
}

// The clip has a bright square in its left half. Saved as the camera sees it, it stays there;
// with "Mirror saved photos" on, it is on the right, as in the mirrored preview.
test('photos are saved as the camera sees them unless Mirror saved photos is on', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const plain = await halves(page);
	expect(plain.left).toBeGreaterThan(plain.right + 10);

	await page.goto('/settings');
	await page.getByRole('switch', { name: /^Mirror saved photos/ }).check();
	await openCamera(page);
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const flipped = await halves(page);
	expect(flipped.right).toBeGreaterThan(flipped.left + 10);
});
