import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { clearAllPhotos, openEmptyGallery, seedPhotos, storedPhotos } from './seed';
import { unzip, zip } from './zip';

test('Back up, clear everything, Import: the same photos and favourites come back, and the settings when asked', async ({ page }) => {
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
	// Settings the person has now, which an import must not change by itself.
	await page.evaluate(() => localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, countdown: 5 })));
	await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: backup });
	const toast = page.getByRole('status').filter({ hasText: 'Imported 6 photos' });
	await expect(toast).toContainText('The backup also holds settings; yours are unchanged');
	await expect(page.getByText('6 photos', { exact: true })).toBeVisible();
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('photobooth.settings')))!)).toEqual({ version: 3, countdown: 5 });
	// Asked for, the backup's settings come back.
	await toast.getByRole('button', { name: 'Use its settings' }).click();
	await expect(page.getByRole('status').getByText('Settings restored from the backup.')).toBeVisible();

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

test('a backup whose settings are not settings offers none, and changes nothing', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 1 });
	await page.evaluate(() => localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, countdown: 5 })));
	await page.reload();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
	manifest.settings = 'evil';
	files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
	await clearAllPhotos(page);
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'evil.zip', mimeType: 'application/zip', buffer: await zip(Object.fromEntries(files)) });
	const toast = page.getByRole('status').filter({ hasText: 'Imported 1 photo' });
	await expect(toast).toBeVisible();
	await expect(toast.getByRole('button', { name: 'Use its settings' })).toHaveCount(0);
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('photobooth.settings')))!)).toMatchObject({ countdown: 5 });
});

test('a backup photo that does not decode is reported, not stored; sizes come from the images, not the manifest', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 2 });
	await page.reload();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
	const [broken, lying] = manifest.photos as { file: string; width: number; height: number; size: number }[];
	// Starts like a JPEG, then is nothing an image decoder can read.
	const bytes = new Uint8Array(files.get(broken.file)!.length).fill(0x41);
	bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
	files.set(broken.file, bytes);
	lying.width = 1;
	lying.height = Number.MAX_SAFE_INTEGER;
	files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
	await clearAllPhotos(page);

	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'hostile.zip', mimeType: 'application/zip', buffer: await zip(Object.fromEntries(files)) });
	const result = page.getByRole('alert', { name: 'Import result' });
	await expect(result.getByRole('heading')).toHaveText('Imported 1 photo');
	await expect(result.getByRole('listitem')).toHaveText(`hostile.zip: ${broken.file}: the image is damaged or cannot be read.`);
	const stored = await storedPhotos(page);
	expect(stored).toHaveLength(1);
	// The seeded images are 64 x 48.
	expect(stored[0]).toMatchObject({ width: 64, height: 48 });
});
