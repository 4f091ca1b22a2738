import { test, expect, openCamera, takePhotos, nav } from './fixtures';

test('the viewer is deep-linkable and walks the photos with the keyboard', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 3);
	await nav(page, 'Gallery').click();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();

	await page.getByRole('list').getByRole('link').first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer).toBeVisible();
	await expect(viewer.getByText('1 of 3')).toBeVisible();
	await expect(viewer.getByRole('img')).toHaveAttribute('alt', /^Photo taken /);
	await expect(viewer.getByRole('button', { name: 'Previous' })).toBeDisabled();

	await page.keyboard.press('ArrowRight');
	await expect(viewer.getByText('2 of 3')).toBeVisible();
	await viewer.getByRole('button', { name: 'Next' }).click();
	await expect(viewer.getByText('3 of 3')).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Next' })).toBeDisabled();

	// The URL names the photo: a reload (or a shared link) opens the same one.
	const url = page.url();
	expect(url).toMatch(/\/gallery\?photo=[\w-]+$/);
	await page.reload();
	await expect(page.getByRole('dialog', { name: 'Photo viewer' }).getByText('3 of 3')).toBeVisible();
	await expect
		.poll(() =>
			page.getByRole('dialog').getByRole('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)
		)
		.toBeGreaterThanOrEqual(1280);

	await page.keyboard.press('ArrowLeft');
	await expect(page.getByText('2 of 3')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
	await expect(page).toHaveURL(/\/gallery$/);
});

test('a deep link opens the viewer in a fresh tab', async ({ page, context }) => {
	await openCamera(page);
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
	const link = page.url();

	const other = await context.newPage();
	await other.goto(link);
	await expect(other.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
	await other.getByRole('button', { name: 'Close' }).click();
	await expect(other.getByText('1 photo', { exact: true })).toBeVisible();
	await other.close();
});

test('a link to a photo that is gone says so and shows the gallery', async ({ page }) => {
	await page.goto('/gallery?photo=not-a-photo');
	await expect(page.getByText('That photo is no longer in the gallery.')).toBeVisible();
	await expect(page).toHaveURL(/\/gallery$/);
	await expect(page.getByRole('dialog')).toBeHidden();
});
