import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { describe, expect, test } from 'vitest';
import { unzip } from '../e2e/zip';
import { byRole, downloadedFile, findIn, nav, openCamera, storedPhotos, takePhoto, useFirefox, waitForText } from './harness';

const ff = useFirefox();

/** Opens the camera, takes one photo, and goes to the gallery; gives the stored photo. */
async function onePhotoInGallery() {
	await openCamera(ff);
	await takePhoto(ff.page);
	const [stored] = await storedPhotos(ff.page);
	await nav(ff.page, 'Gallery').click();
	await waitForText(ff.page, '1 photo');
	return stored;
}

describe('gallery in Firefox', () => {
	test('viewer: a photo opens from the gallery, with its image and details', async () => {
		const stored = await onePhotoInGallery();
		await byRole(ff.page, 'link', undefined, { role: 'list' }).click();
		const viewer = await byRole(ff.page, 'dialog', 'Photo viewer').waitHandle();
		expect(ff.page.url()).toMatch(/\/gallery\?photo=[\w-]+$/);
		await waitForText(ff.page, '1 of 1', viewer);

		const image = await findIn(viewer, 'image');
		expect(await image.evaluate((i) => i.getAttribute('alt'))).toMatch(/^Photo taken /);
		await expect
			.poll(() => image.evaluate((i) => ((i as HTMLImageElement).complete ? (i as HTMLImageElement).naturalWidth : 0)))
			.toBe(stored.decoded.width);
		expect(await image.evaluate((i) => (i as HTMLImageElement).naturalHeight)).toBe(stored.decoded.height);
		// The details: the size in pixels, then the bytes, then the camera.
		expect(await viewer.evaluate((d) => d.textContent)).toContain(`${stored.decoded.width} × ${stored.decoded.height} · `);
		const previous = await findIn(viewer, 'button', 'Previous');
		expect(await previous.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);

		await (await findIn(viewer, 'button', 'Close')).click();
		await expect.poll(() => viewer.evaluate((d) => d.isConnected)).toBe(false);
		expect(ff.page.url()).toMatch(/\/gallery$/);
	});

	test('export: Export downloads a ZIP holding the photo', async () => {
		const stored = await onePhotoInGallery();
		// No showSaveFilePicker in Firefox: the app's download path, as a person meets it there.
		expect(await ff.page.evaluate(() => 'showSaveFilePicker' in window)).toBe(false);
		await byRole(ff.page, 'button', 'Export').click();
		// Downloads land in the test's folder (BiDi browser.setDownloadBehavior), as a file.
		const file = await downloadedFile(ff.downloads);
		expect(basename(file)).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
		await waitForText(ff.page, 'Exported 1 photo', await byRole(ff.page, 'status').waitHandle());

		const entries = await unzip(await readFile(file));
		expect([...entries.keys()]).toEqual([expect.stringMatching(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/)]);
		const [jpeg] = [...entries.values()];
		expect(Array.from(jpeg.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
		const tags = await exifr.parse(Buffer.from(jpeg), { tiff: true, exif: true, reviveValues: false });
		expect(tags.Software).toBe('Photo Booth');
		// It decodes in the browser at the stored photo's size.
		const size = await ff.page.evaluate(async (b64) => {
			// No fetch(data:): the app's CSP allows connections to itself only.
			const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
			return { width: bmp.width, height: bmp.height };
		}, Buffer.from(jpeg).toString('base64'));
		expect(size).toEqual(stored.decoded);
	});
});
