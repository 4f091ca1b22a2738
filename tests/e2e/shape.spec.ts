import { test, expect, openCamera, takePhotos, nav } from './fixtures';

test('a photo shape crops the preview and the saved photo alike, around the centre', async ({ page }) => {
	await openCamera(page);
	await nav(page, 'Settings').click();
	await page.getByRole('combobox', { name: /^Photo shape/ }).selectOption({ label: 'Square (1:1)' });
	await nav(page, 'Camera').click();

	// The preview shows exactly the part that is saved: a square.
	const preview = page.getByLabel('Camera preview');
	await expect
		.poll(async () => {
			const box = await preview.boundingBox();
			return box ? Math.round((box.width / box.height) * 100) / 100 : 0;
		})
		.toBe(1);
	await expect(preview).toHaveCSS('object-fit', 'cover');

	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	// The fake camera's 1920 x 1080 frame, cut to its centre square.
	await expect(viewer.getByText('1080 × 1080')).toBeVisible();
	await expect
		.poll(() => viewer.getByRole('img').evaluate((i: HTMLImageElement) => i.complete && [i.naturalWidth, i.naturalHeight].join('x')))
		.toBe('1080x1080');

	// Back to the camera's own shape: the whole frame again.
	await page.goto('/settings');
	await page.getByRole('combobox', { name: /^Photo shape/ }).selectOption({ label: 'As the camera sees it' });
	await openCamera(page);
	await expect(page.getByLabel('Camera preview')).toHaveCSS('object-fit', 'contain');
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog').getByText('1920 × 1080')).toBeVisible();
});
