import { test, expect, savedCount } from './fixtures';
import { openEmptyGallery, seedPhotos, storedPhotos } from './seed';

test('Select mode: click, Shift+click for a range, Space, Ctrl+A; bulk delete is undoable', async ({ page }) => {
	await openEmptyGallery(page);
	const ids = await seedPhotos(page, { count: 12 });
	await page.reload();
	await expect(page.getByText('12 photos', { exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Select' }).click();
	const tile = (i: number) => page.locator(`[data-photo-id="${ids[i]}"]`);
	await expect(tile(0)).toHaveRole('checkbox');
	await tile(1).click();
	await tile(5).click({ modifiers: ['Shift'] });
	const checked = page.getByRole('checkbox', { checked: true });
	await expect(checked).toHaveCount(5);
	await expect(page.getByText('5 photos selected')).toBeVisible();
	for (const i of [1, 2, 3, 4, 5]) await expect(tile(i)).toHaveAttribute('aria-checked', 'true');
	await expect(tile(6)).toHaveAttribute('aria-checked', 'false');

	// Space toggles the focused tile, as for any checkbox.
	await tile(8).focus();
	await page.keyboard.press('Space');
	await expect(tile(8)).toHaveAttribute('aria-checked', 'true');
	await page.keyboard.press('Space');
	await expect(tile(8)).toHaveAttribute('aria-checked', 'false');

	// Ctrl+A takes everything, Esc leaves select mode.
	await page.keyboard.press('ControlOrMeta+a');
	await expect(page.getByText('12 photos selected')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('checkbox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Select' })).toBeVisible();

	// Bulk delete of a range, then Undo: all back, whole.
	await page.getByRole('button', { name: 'Select' }).click();
	await tile(2).click();
	await tile(7).click({ modifiers: ['Shift'] });
	await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status').getByText('6 photos deleted')).toBeVisible();
	await expect(page.getByText('6 photos', { exact: true })).toBeVisible();
	expect(await savedCount(page)).toBe(6);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText('12 photos', { exact: true })).toBeVisible();
	const all = await storedPhotos(page);
	expect(all.map((p) => p.id)).toEqual(ids);
	expect(all.every((p) => p.hasOriginal)).toBe(true);

	// Deleted again and left alone: gone for good, also after a reload.
	await page.getByRole('button', { name: 'Select' }).click();
	await tile(0).click();
	await tile(3).click({ modifiers: ['Shift'] });
	await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('8 photos', { exact: true })).toBeVisible();
	await page.reload();
	await expect(page.getByText('8 photos', { exact: true })).toBeVisible();
	expect((await storedPhotos(page)).map((p) => p.id)).toEqual(ids.slice(4));
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

	test('holding a photo enters select mode with it selected; a tap still opens', async ({ page }) => {
		await openEmptyGallery(page);
		const ids = await seedPhotos(page, { count: 6 });
		await page.reload();
		await expect(page.getByText('6 photos', { exact: true })).toBeVisible();
		const cdp = await page.context().newCDPSession(page);
		const centre = async (i: number) => {
			const b = (await page.locator(`[data-photo-id="${ids[i]}"]`).boundingBox())!;
			return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
		};
		const touch = async (i: number, holdMs: number) => {
			const p = await centre(i);
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [p] });
			await page.waitForTimeout(holdMs);
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		};

		await touch(2, 800);
		await expect(page.getByText('1 photo selected')).toBeVisible();
		await expect(page.locator(`[data-photo-id="${ids[2]}"]`)).toHaveAttribute('aria-checked', 'true');
		await expect(page.getByRole('dialog')).toBeHidden();
		await page.locator(`[data-photo-id="${ids[4]}"]`).tap();
		await expect(page.getByText('2 photos selected')).toBeVisible();

		await page.getByRole('button', { name: 'Done' }).tap();
		await expect(page.getByRole('button', { name: 'Select' })).toBeVisible();
		await page.locator(`[data-photo-id="${ids[1]}"]`).tap();
		// (Phones hide the "2 of 6" position; the address names the photo.)
		await expect(page.getByRole('dialog', { name: 'Photo viewer' })).toBeVisible();
		await expect(page).toHaveURL(new RegExp(`photo=${ids[1]}$`));
	});
});
