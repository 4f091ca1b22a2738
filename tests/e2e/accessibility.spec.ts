import { test, expect, openCamera, takePhotos, nav } from './fixtures';
import { violations } from './axe';

for (const colorScheme of ['dark', 'light'] as const) {
	test.describe(`${colorScheme} theme: no serious or critical axe violation`, () => {
		test.use({ colorScheme });
		// An axe pass takes seconds on a loaded machine: each journey has room for a few.
		test.slow();

		test('on the camera, in each mode', async ({ page }) => {
			await openCamera(page);
			expect(await violations(page), 'Photo mode').toEqual([]);
			await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Burst', exact: true }).check();
			expect(await violations(page), 'Burst mode').toEqual([]);
			await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Strip', exact: true }).check();
			await expect(page.getByRole('img', { name: /^2x6 strip: 0 of 4 shots taken/ })).toBeVisible();
			expect(await violations(page), 'Strip mode, with its guide').toEqual([]);
		});

		test('in the gallery and its viewer', async ({ page }) => {
			await openCamera(page);
			await takePhotos(page, 2);
			await nav(page, 'Gallery').click();
			await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
			expect(await violations(page), 'gallery').toEqual([]);
			await page.getByRole('list').getByRole('link').first().click();
			await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
			expect(await violations(page), 'viewer').toEqual([]);
		});

		test('in settings', async ({ page }) => {
			await page.goto('/settings');
			await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
			expect(await violations(page)).toEqual([]);
			// With a lossless format the quality row is off: its hint must still be readable.
			await page.getByRole('combobox', { name: /Photo format/ }).selectOption('image/png');
			await expect(page.getByText('PNG is lossless: quality does not apply.')).toBeVisible();
			expect(await violations(page), 'quality off (PNG)').toEqual([]);
		});
	});
}

test('on a phone the navigation labels are at least 12 px (Lighthouse calls smaller text illegible)', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/settings');
	// evaluateAll does not wait: the links are there once the app has rendered.
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(3);
	const sizes = await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => parseFloat(getComputedStyle(a).fontSize)));
	expect(sizes).toHaveLength(3);
	for (const px of sizes) expect(px).toBeGreaterThanOrEqual(12);
});
