import { test, expect, openCamera, expectLivePreview, takePhotos, savedCount } from './fixtures';
import type { Page } from '@playwright/test';

const previewLive = (page: Page) =>
	page.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.srcObject !== null && v.videoWidth > 0);

test('a second tab says the camera is in use in the first and can take it over; the first gets it back when the second closes', async ({
	page,
	context
}) => {
	await openCamera(page);

	const second = await context.newPage();
	await second.goto('/');
	const inUse = second.getByRole('alert').filter({ hasText: 'The camera is in use in another tab' });
	await expect(inUse).toBeVisible();
	expect(await previewLive(second)).toBe(false);
	await expect(second.getByRole('button', { name: 'Take photo', exact: true })).toBeDisabled();
	// The first tab goes on as it was.
	expect(await previewLive(page)).toBe(true);

	// Take it over: the second tab previews and shoots, the first lets go and says where it went.
	await inUse.getByRole('button', { name: 'Use camera here' }).click();
	await expectLivePreview(second);
	const moved = page.getByRole('alert').filter({ hasText: 'The camera moved to another tab' });
	await expect(moved).toBeVisible();
	await expect.poll(() => previewLive(page)).toBe(false);
	await takePhotos(second, 1);

	// The second tab closes: the first, waiting on screen, takes the camera up again on its own.
	await second.close();
	await expectLivePreview(page);
	await expect(moved).toBeHidden();
	await takePhotos(page, 1);
	expect(await savedCount(page)).toBe(2);
});

test('the first tab can take the camera back with its button', async ({ page, context }) => {
	await openCamera(page);
	const second = await context.newPage();
	await second.goto('/');
	await second.getByRole('button', { name: 'Use camera here' }).click();
	await expectLivePreview(second);

	await page.getByRole('button', { name: 'Use camera here' }).click();
	await expectLivePreview(page);
	await expect(second.getByRole('alert').filter({ hasText: 'The camera moved to another tab' })).toBeVisible();
	await expect.poll(() => previewLive(second)).toBe(false);
});

test('a reload keeps the camera: the page before lets go of it a moment after the new one asks', async ({ page }) => {
	await openCamera(page);
	for (let i = 0; i < 3; i++) {
		await page.reload();
		await expectLivePreview(page);
		await expect(page.getByRole('alert')).toHaveCount(0);
	}
});
