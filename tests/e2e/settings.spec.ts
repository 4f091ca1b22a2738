import { test, expect, openCamera, takePhotos, nav } from './fixtures';

const activeLabel = (page: import('@playwright/test').Page) =>
	page.evaluate(() => {
		const s = document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')?.srcObject as MediaStream | null;
		return s?.getVideoTracks()[0]?.label ?? '';
	});

test('the chosen camera is used, remembered and labelled on photos', async ({ page }) => {
	await openCamera(page);
	expect(await activeLabel(page)).toBe('fake_device_0');

	await nav(page, 'Settings').click();
	const select = page.getByRole('combobox', { name: /^Camera/ });
	await expect(select.getByRole('option')).toHaveText(['Default camera', 'fake_device_0', 'fake_device_1']);
	await select.selectOption({ label: 'fake_device_1' });

	await nav(page, 'Camera').click();
	await expect.poll(() => activeLabel(page)).toBe('fake_device_1');
	await page.reload();
	await expect.poll(() => activeLabel(page)).toBe('fake_device_1');

	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog').getByText('fake_device_1')).toBeVisible();
});

test('format and quality apply to the next photo; mirror preview can be turned off', async ({ page }) => {
	await page.goto('/settings');
	await page.getByRole('combobox', { name: /^Photo format/ }).selectOption({ label: 'PNG (lossless, larger)' });
	await expect(page.getByRole('slider', { name: /^Quality/ })).toBeDisabled();
	await page.getByRole('switch', { name: /^Mirror preview/ }).uncheck();

	await nav(page, 'Camera').click();
	await expect(page.getByLabel('Camera preview')).toHaveCSS('transform', 'none');
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('dialog').getByRole('button', { name: 'Download' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
});

test('a corrupt stored setting falls back to the default without a crash', async ({ page }) => {
	await page.goto('/settings');
	await page.evaluate(() =>
		localStorage.setItem('photobooth.settings', '{"format":"image/bmp","quality":"high","mirrorPreview":false')
	);
	await page.reload();
	await expect(page.getByRole('combobox', { name: /^Photo format/ })).toHaveValue('image/jpeg');
	await expect(page.getByRole('switch', { name: /^Mirror preview/ })).toBeChecked();
	await page.evaluate(() =>
		localStorage.setItem('photobooth.settings', '{"format":"image/bmp","quality":7,"mirrorPreview":false}')
	);
	await page.reload();
	// Each bad field alone falls back; good ones are kept.
	await expect(page.getByRole('combobox', { name: /^Photo format/ })).toHaveValue('image/jpeg');
	await expect(page.getByRole('switch', { name: /^Mirror preview/ })).not.toBeChecked();
	await expect(page.getByText('100%')).toBeVisible();

	await page.getByRole('button', { name: 'Reset to defaults' }).click();
	await expect(page.getByRole('switch', { name: /^Mirror preview/ })).toBeChecked();
	await expect(page.getByText('92%')).toBeVisible();
	await openCamera(page);
});
