import { readFile } from 'node:fs/promises';
import { test, expect, nav } from './fixtures';
import { unzip } from './zip';
import { frameOverlay, regionMeans, shootStrip, storedItems, stripSettings } from './strips';

test.slow();

test('an imported overlay is drawn over the shots; Back up then Import on a fresh profile restores the strip, its recipe and overlay', async ({
	page,
	browser
}) => {
	await stripSettings(page, { stripLayout: 'single', caption: 'Overlay party' });
	await page.goto('/settings');
	const png = await frameOverlay(page);
	await page.locator('input[type="file"][accept="image/png"]').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByText('frame.png, drawn over every strip, GIF, boomerang and video.')).toBeVisible();
	await expect(page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Single' })).toBeChecked();
	await expect(page.getByRole('textbox', { name: /^Caption/ })).toHaveValue('Overlay party');

	await shootStrip(page, 1);
	const [strip] = await storedItems(page);
	expect(strip.strip?.overlay).toBeTruthy();

	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download' }).click()]);
	const bytes = await readFile(await download.path());
	// The single layout's photo starts 75 px in; the overlay's frame is 150 px: where they
	// meet the overlay is on top (red), and the middle is the photo (the fake camera's green).
	const { means } = await regionMeans(page, bytes, [
		{ x: 90, y: 90, width: 40, height: 40 },
		{ x: 500, y: 600, width: 200, height: 200 }
	]);
	const [edge, middle] = means;
	expect(edge[0]).toBeGreaterThan(200);
	expect(edge[1]).toBeLessThan(60);
	expect(middle[0]).toBeLessThan(middle[1]);
	await page.keyboard.press('Escape');

	// Back up, then bring it into a profile that has nothing.
	await nav(page, 'Gallery').click();
	await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
	const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	const archive = await readFile(await backup.path());
	const files = await unzip(archive);
	const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
	expect(manifest.overlays).toEqual([{ id: strip.strip!.overlay, name: 'frame.png', file: `overlays/${strip.strip!.overlay}.png` }]);
	expect(files.get(`overlays/${strip.strip!.overlay}.png`)?.length).toBe(png.length);
	expect(manifest.photos.find((p: { id: string }) => p.id === strip.id).strip).toEqual(strip.strip);

	const fresh = await browser.newContext({ permissions: ['camera'] });
	const other = await fresh.newPage();
	await other.goto('/gallery');
	const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: archive });
	const toast = other.getByRole('status').filter({ hasText: 'Imported 2 photos' });
	await expect(toast).toBeVisible();
	// The backup's settings (which name the overlay) come back when asked for.
	await toast.getByRole('button', { name: 'Use its settings' }).click();
	const restored = await storedItems(other);
	expect(restored.find((i) => i.id === strip.id)).toEqual(strip);
	await expect(other.getByRole('list').getByRole('img', { name: /^Strip of 1 photo/ })).toBeVisible();
	// The overlay came back under its id, so the restored settings and strip still find it.
	await other.goto('/settings');
	await expect(other.getByText('frame.png, drawn over every strip, GIF, boomerang and video.')).toBeVisible();
	await fresh.close();
});

test('deleting a strip asks whether its photos go too', async ({ page }) => {
	await stripSettings(page, { stripLayout: 'single' });
	await shootStrip(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await viewer.getByRole('button', { name: 'Delete' }).click();
	const ask = page.getByRole('alertdialog', { name: 'Delete this strip?' });
	// A single has one photo: the choice names it so.
	await expect(ask.getByText('Its photo is in the gallery too.', { exact: false })).toBeVisible();
	await ask.getByRole('button', { name: 'Delete strip and its photo', exact: true }).click();
	await expect.poll(async () => (await storedItems(page)).length).toBe(0);
	await expect(page.getByText('2 photos deleted')).toBeVisible();
});
