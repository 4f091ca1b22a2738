import AxeBuilder from '@axe-core/playwright';
import { test, expect, openCamera, takePhotos, nav } from './fixtures';

/** Serious and critical axe violations on the page as it is now, one line each. */
async function violations(page: import('@playwright/test').Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['dark', 'light'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('camera, gallery, viewer and settings have no serious or critical axe violation', async ({ page }) => {
			await openCamera(page);
			expect(await violations(page), 'camera, Photo mode').toEqual([]);
			await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Burst', exact: true }).check();
			expect(await violations(page), 'camera, Burst mode').toEqual([]);
			await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Photo', exact: true }).check();
			await takePhotos(page, 2);

			await nav(page, 'Gallery').click();
			await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
			expect(await violations(page), 'gallery').toEqual([]);
			await page.getByRole('list').getByRole('link').first().click();
			await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
			expect(await violations(page), 'viewer').toEqual([]);
			await page.keyboard.press('Escape');

			await nav(page, 'Settings').click();
			await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
			expect(await violations(page), 'settings').toEqual([]);
		});
	});
}
