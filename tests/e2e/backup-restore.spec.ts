import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { clearAllPhotos, openEmptyGallery, seedPhotos, storedPhotos } from './seed';
import { unzip } from './zip';

test('Back up, clear everything, Import: the same photos, favourites and settings come back', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 6 });
	// A setting that differs from the default, to see it restored.
	await page.evaluate(() => localStorage.setItem('photobooth.settings', JSON.stringify({ quality: 0.75 })));
	await page.reload();
	await expect(page.getByText('6 photos', { exact: true })).toBeVisible();

	// Two favourites: one with the F key, one with the heart button.
	await page.getByRole('list').getByRole('link').nth(1).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	const heart = viewer.getByRole('button', { name: 'Favourite' });
	await expect(heart).toHaveAttribute('aria-pressed', 'false');
	await page.keyboard.press('f');
	await expect(heart).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(heart).toHaveAttribute('aria-pressed', 'false');
	await heart.click();
	await expect(heart).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Escape');

	// The favourites filter shows just those two.
	await page.getByRole('radio', { name: 'Favourites' }).click();
	await expect(page.getByText('2 favourites of 6 photos', { exact: true })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img')).toHaveCount(2);
	await page.getByRole('radio', { name: 'All' }).click();
	await expect(page.getByText('6 photos', { exact: true })).toBeVisible();

	const before = await storedPhotos(page);
	expect(before.filter((p) => p.favorite).length).toBe(2);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^photobooth-backup-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
	const backup = await readFile(await download.path());
	const files = await unzip(backup);
	expect([...files.keys()].filter((n) => n.startsWith('photos/'))).toHaveLength(6);
	expect([...files.keys()].filter((n) => n.startsWith('thumbnails/'))).toHaveLength(6);
	const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
	expect(manifest.format).toBe('photobooth-backup');
	expect(manifest.settings.quality).toBe(0.75);
	expect(manifest.photos.filter((p: { favorite: boolean }) => p.favorite)).toHaveLength(2);

	// Lose everything: photos and settings.
	await page.evaluate(() => localStorage.removeItem('photobooth.settings'));
	await clearAllPhotos(page);

	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	expect(chooser.isMultiple()).toBe(true);
	await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: backup });
	await expect(page.getByRole('status').getByText('Imported 6 photos')).toBeVisible();
	await expect(page.getByText('6 photos', { exact: true })).toBeVisible();

	// The same ids, times, favourites and bytes; the thumbnails came along; and the settings.
	expect(await storedPhotos(page)).toEqual(before);
	// (Seeded thumbnails are the very bytes of their photo; one made anew would differ.)
	const thumbSizes = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((r) => (indexedDB.open('photobooth').onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)));
		const all = await new Promise<{ id: string; data: ArrayBuffer }[]>(
			(r) => (db.transaction('thumbnails').objectStore('thumbnails').getAll().onsuccess = (e) => r((e.target as IDBRequest).result))
		);
		db.close();
		return Object.fromEntries(all.map((t) => [t.id, t.data.byteLength]));
	});
	expect(thumbSizes).toEqual(Object.fromEntries(before.map((p) => [p.id, p.size])));
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('photobooth.settings')))!).quality).toBe(0.75);
	await page.getByRole('radio', { name: 'Favourites' }).click();
	await expect(page.getByRole('list').getByRole('img')).toHaveCount(2);

	// Importing the same backup again skips what is already here.
	const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await again.setFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: backup });
	await expect(page.getByRole('status').getByText('Imported 0 photos, 6 photos already here')).toBeVisible();
	expect(await storedPhotos(page)).toEqual(before);
});
