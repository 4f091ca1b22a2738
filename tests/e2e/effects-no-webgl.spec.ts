import { test, expect, openCamera, takePhotos } from './fixtures';
import { chromiumExecutable } from './browser';
import { stillCamera, photoGrids, mean } from './effect-pixels';

// Its own browser, started without WebGL (in pages and workers alike).
test.use({
	launchOptions: {
		executablePath: chromiumExecutable(),
		args: ['--use-fake-device-for-media-stream=device-count=2', '--disable-3d-apis', '--disable-webgl', '--no-first-run']
	}
});

test('the picker says effects need WebGL and the booth shoots a remembered effect without it', async ({ page }) => {
	await page.addInitScript(() => {
		localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, effect: 'sepia' }));
	});
	await stillCamera(page);
	await openCamera(page);
	expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl'))).toBe(false);
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog.getByText(/Effects need WebGL/)).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Sepia', exact: true })).toBeDisabled();
	await page.keyboard.press('Escape');
	await expect(page.locator('canvas.fx')).toHaveCount(0);
	await takePhotos(page, 1);
	const [plain] = await photoGrids(page);
	expect(mean(plain.cells, 0) - mean(plain.cells, 2)).toBeLessThan(10);
});
