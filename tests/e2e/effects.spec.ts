import { test, expect, openCamera, takePhotos, savedCount } from './fixtures';
import { violations } from './axe';
import { stillCamera, photoGrids, previewGrid, shownGrid, mean, diff, pickEffect, sepiaIsThePreview } from './effect-pixels';

test('the picker shows live previews, nine a page, marks the current one, works by keyboard and is remembered', async ({ page }) => {
	// A long journey, with nine live previews drawn by software WebGL on this machine.
	test.slow();
	await openCamera(page);
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog).toBeVisible();
	const tiles = dialog.getByRole('group', { name: 'Effect', exact: true }).getByRole('button');
	await expect(tiles).toHaveCount(9);
	await expect(dialog.getByRole('button', { name: 'Normal', exact: true })).toHaveAttribute('aria-pressed', 'true');
	for (const name of ['Sepia', 'Black & white', 'Noir', 'Vivid', 'Comic', 'Thermal', 'X-ray', 'Pop art'])
		await expect(dialog.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'false');
	// Live: every tile's canvas is drawn (not blank), and again as the camera's frames come.
	const drawn = () =>
		dialog.locator('canvas').evaluateAll((all: HTMLCanvasElement[]) =>
			all.map((c) => (c.width > 16 ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.reduce((s, v) => s + v, 0) : 0))
		);
	await expect.poll(async () => (await drawn()).every((sum) => sum > 0)).toBe(true);
	const first = await drawn();
	await expect.poll(async () => (await drawn()).some((sum, i) => sum !== first[i])).toBe(true);
	expect(await violations(page), 'effects picker').toEqual([]);
	// The second page holds the distortions.
	await dialog.getByRole('button', { name: 'More effects' }).click();
	for (const name of ['Sketch', 'Bulge', 'Dent', 'Twirl', 'Squeeze', 'Stretch', 'Mirror', 'Kaleidoscope', 'Fisheye'])
		await expect(dialog.getByRole('button', { name, exact: true })).toBeVisible();
	await dialog.getByRole('button', { name: 'Previous effects' }).click();

	// Keyboard: the focus starts on the current effect; arrows move; Enter picks.
	await dialog.getByRole('button', { name: 'Normal', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(dialog.getByRole('button', { name: 'Sepia', exact: true })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Vivid', { exact: true })).toBeVisible();

	// Esc closes without changing it.
	await page.keyboard.press('e');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	await page.reload();
	await expect(page.getByText('Vivid', { exact: true })).toBeVisible();
	await page.keyboard.press('e');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('Sepia warms the saved photo; Normal does not; the preview shows what is saved', async ({ page }) => {
	await stillCamera(page);
	await openCamera(page);
	await sepiaIsThePreview(page);
});

test('Twirl turns the middle of the photo and leaves its corners; the preview shows it the same, cropped and mirrored', async ({ page }) => {
	// A square photo cut from the 16:9 frame, saved as the mirrored preview shows it.
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, shape: '1:1', mirrorPreview: true, mirrorSaved: true }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await stillCamera(page);
	await openCamera(page);
	await takePhotos(page, 1);
	await pickEffect(page, 'Twirl');
	await expect(page.locator('canvas.fx')).toHaveClass(/mirrored/);
	await takePhotos(page, 1);
	const shown = await shownGrid(page);
	const [twirl, normal] = await photoGrids(page);
	expect(twirl.width).toBe(twirl.height);
	const middle = (x: number, y: number) => x >= 5 && x <= 10 && y >= 5 && y <= 10;
	const corners = (x: number, y: number) => (x <= 1 || x >= 14) && (y <= 1 || y >= 14);
	expect(diff(twirl.cells, normal.cells, 16, middle)).toBeGreaterThan(25);
	expect(diff(twirl.cells, normal.cells, 16, corners)).toBeLessThan(4);
	// The screen's rounded corners are not the photo's: every cell but the four corner ones.
	const inner = (x: number, y: number) => !((x === 0 || x === 15) && (y === 0 || y === 15));
	expect(diff(shown, twirl.cells, 16, inner)).toBeLessThan(8);
	// Not a mirror image of it: the twirl turns the other way in a mirror.
	const flipped = twirl.cells.map((_, i) => twirl.cells[Math.floor(i / 16) * 16 + (15 - (i % 16))]);
	expect(diff(shown, flipped, 16, inner)).toBeGreaterThan(20);
});

test('a burst with an effect has it on every shot', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'burst', burstCount: 3, burstInterval: 300, effect: 'sepia' }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await stillCamera(page);
	await openCamera(page);
	await expect(page.getByText('Sepia', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(3);
	for (const shot of await photoGrids(page)) expect(mean(shot.cells, 0) - mean(shot.cells, 2)).toBeGreaterThan(25);
});

test('a lost WebGL context is restored without a reload', async ({ page }) => {
	await page.addInitScript(() => {
		localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, effect: 'sepia' }));
	});
	await stillCamera(page);
	await openCamera(page);
	const fx = page.locator('canvas.fx');
	await expect(fx).toBeVisible();
	const warm = () => previewGrid(page).then((g) => mean(g, 0) - mean(g, 2));
	await expect.poll(warm).toBeGreaterThan(25);
	await fx.evaluate(async (c: HTMLCanvasElement) => {
		const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
		const ext = gl.getExtension('WEBGL_lose_context')!;
		ext.loseContext();
		await new Promise((r) => setTimeout(r, 300));
		ext.restoreContext();
	});
	await expect.poll(warm).toBeGreaterThan(25);
	await takePhotos(page, 1);
	const [shot] = await photoGrids(page);
	expect(mean(shot.cells, 0) - mean(shot.cells, 2)).toBeGreaterThan(25);
});
