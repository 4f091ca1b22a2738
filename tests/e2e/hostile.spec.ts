/**
 * Data that is not what it should be: a damaged record already stored, a backup that lies.
 * Each case once hid the whole gallery or stored a photo that could not be shown.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, openCamera } from './fixtures';
import { clearAllPhotos, openEmptyGallery, seedPhotos, storedPhotos } from './seed';
import { unzip, zip } from './zip';

// Past the range of a JavaScript Date (8.64e15), yet a safe integer; and a time that is text.
const BEYOND = 8_700_000_000_000_000;
const TEXT = '1700000000000' as unknown as number;

test('photos with a damaged time still show, dated "Unknown date", and no page throws', async ({ page }) => {
	await openEmptyGallery(page);
	const [, beyond, text] = await seedPhotos(page, { count: 3, times: [Date.now(), BEYOND, TEXT] });
	await page.reload();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img')).toHaveCount(3);
	await expect(page.getByRole('heading', { name: 'Unknown date' })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img', { name: 'Photo taken at an unknown date' })).toHaveCount(2);

	for (const id of [beyond, text]) {
		await page.goto(`/gallery?photo=${id}`);
		const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
		await expect(viewer.getByText('Unknown date', { exact: true })).toBeVisible();
		await expect(viewer.getByRole('img')).toHaveAttribute('alt', 'Photo taken at an unknown date');
	}
	// The camera page shows the newest (a damaged one sorts first) as its latest photo.
	await openCamera(page);
	await expect(page.getByRole('link', { name: 'Open latest photo' })).toBeVisible();
	// The guard fixture fails the test on any uncaught error or console error.
});

test('a backup entry dated past any calendar is reported, and the rest come in', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 3 });
	await page.reload();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
	manifest.photos[0].takenAt = BEYOND;
	manifest.photos[1].takenAt = String(manifest.photos[1].takenAt);
	files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
	await clearAllPhotos(page);

	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'dates.zip', mimeType: 'application/zip', buffer: await zip(Object.fromEntries(files)) });
	const result = page.getByRole('alert', { name: 'Import result' });
	await expect(result.getByRole('heading')).toHaveText('Imported 1 photo');
	await expect(result.getByRole('listitem')).toContainText('dates.zip: 2 photo entries in its manifest are damaged');
	expect(await storedPhotos(page)).toHaveLength(1);
	await expect(page.getByRole('list').getByRole('img')).toHaveCount(1);
});

test('photos kept by a newer version of the booth: the gallery and the shutter say so, and nothing throws', async ({ page }) => {
	// A database at a version this build does not know, made from a file of the same origin.
	await page.goto('/manifest.webmanifest');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('photobooth', 99);
				req.onsuccess = () => (req.result.close(), resolve());
				req.onerror = () => reject(req.error);
			})
	);
	await page.goto('/gallery');
	await expect(page.getByText(/A newer version of Photo Booth was used on this device/)).toBeVisible();
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	const toast = page.getByRole('alert').filter({ hasText: /This photo was not saved: A newer version of Photo Booth was used on this device/ });
	await expect(toast).toBeVisible();
	// The shot is not lost: it is offered as a download, a whole JPEG.
	const [download] = await Promise.all([page.waitForEvent('download'), toast.getByRole('button', { name: 'Download' }).click()]);
	expect(download.suggestedFilename()).toMatch(/\.jpe?g$/);
	const bytes = await readFile(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
});
