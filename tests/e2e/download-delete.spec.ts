import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test, expect, openCamera, takePhotos, savedCount } from './fixtures';
import { exiftoolVersion } from './tools';

test('Download saves the original: a real image of at least 1280x720', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		viewer.getByRole('button', { name: 'Download' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/);
	const bytes = await readFile(await download.path());
	expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG

	// exiftool, a reader the project did not write, finds nothing to warn about in its EXIF
	// (.ci/run installs it; a local run without it says so here rather than passing quietly).
	const exiftool = exiftoolVersion();
	if (process.env.CI) expect(exiftool, 'exiftool is installed (.ci/run installs it)').toBeTruthy();
	if (exiftool) {
		const report = execFileSync('exiftool', ['-validate', '-warning', '-a', '-s', await download.path()], { encoding: 'utf8' });
		expect(report.trim()).toMatch(/^Validate\s*: OK$/m);
		expect(report).not.toMatch(/^Warning/m);
	} else console.warn('exiftool is not installed: the EXIF validation was not run');

	// Decode it in the browser: its size, and pixels that are not one flat colour.
	const result = await page.evaluate(async (b64) => {
		// No fetch(data:): the app's CSP allows connections to itself only.
		const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
		const bmp = await createImageBitmap(blob);
		const c = new OffscreenCanvas(bmp.width, bmp.height);
		const ctx = c.getContext('2d')!;
		ctx.drawImage(bmp, 0, 0);
		const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
		const seen = new Set<number>();
		let sum = 0;
		for (let i = 0; i < data.length; i += 4 * 997) {
			seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			sum += data[i] + data[i + 1] + data[i + 2];
		}
		return { width: bmp.width, height: bmp.height, colours: seen.size, mean: sum / (seen.size ? data.length / (4 * 997) : 1) / 3 };
	}, bytes.toString('base64'));
	expect(result.width).toBeGreaterThanOrEqual(1280);
	expect(result.height).toBeGreaterThanOrEqual(720);
	expect(result.colours).toBeGreaterThan(1);
	expect(result.mean).toBeGreaterThan(5); // not black
});

test('Delete removes the photo for good, and Undo brings it back', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 3);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer.getByText('1 of 3')).toBeVisible();

	await viewer.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status').getByText('Photo deleted')).toBeVisible();
	// The viewer moves on to the next photo.
	await expect(viewer.getByText('1 of 2')).toBeVisible();
	expect(await savedCount(page)).toBe(2);

	// Undo puts it back.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(viewer.getByText('of 3')).toBeVisible();
	expect(await savedCount(page)).toBe(3);

	// Delete again and reload: it stays gone.
	await viewer.getByRole('button', { name: 'Delete' }).click();
	await expect(viewer.getByText('of 2')).toBeVisible();
	await page.getByRole('button', { name: 'Close' }).click();
	await page.reload();
	await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img')).toHaveCount(2);
});

test('deleting the only photo closes the viewer and leaves an empty gallery', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
	await expect(page.getByText('0 photos', { exact: true })).toBeVisible();
	await page.reload();
	await expect(page.getByText('No photos yet')).toBeVisible();
});
