import { describe, expect, test } from 'vitest';
import { aria, byRole, findIn, nav, openCamera, storedPhotos, takePhoto, useFirefox, waitForText } from './harness';

const ff = useFirefox();

/** Whether an <img> has loaded and decoded, by its natural width (0 while it has not). */
const naturalWidth = (i: Element) => ((i as HTMLImageElement).complete ? (i as HTMLImageElement).naturalWidth : 0);

describe('camera in Firefox', () => {
	test('preview: the camera page shows a live preview', async () => {
		const size = await openCamera(ff);
		expect(size.width).toBeGreaterThan(0);
		expect(size.height).toBeGreaterThan(0);
		// Firefox has no Image Capture API: stills must come from the frame the video shows.
		expect(await ff.page.evaluate(() => 'ImageCapture' in window)).toBe(false);
		const shutter = await byRole(ff.page, 'button', 'Take photo').waitHandle();
		await expect.poll(() => shutter.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
	});

	test('shoot: the shutter stores a photo, shown as the latest photo, that decodes at the preview size', async () => {
		const size = await openCamera(ff);
		await takePhoto(ff.page);
		// No ImageCapture (so no takePhoto() and no grabFrame()): the video frame is the photo.
		expect(await ff.page.$eval('[data-capture-method]', (e) => (e as HTMLElement).dataset.captureMethod)).toBe('video');

		const latest = await byRole(ff.page, 'link', 'Open latest photo').waitHandle();
		const thumb = await findIn(latest, 'image');
		expect(await thumb.evaluate((i) => i.getAttribute('alt'))).toMatch(/^Photo taken /);
		await expect.poll(() => thumb.evaluate(naturalWidth)).toBeGreaterThan(0);

		const [photo] = await storedPhotos(ff.page);
		expect(photo.meta.type).toBe('image/jpeg');
		expect(photo.head).toEqual([0xff, 0xd8, 0xff]);
		// Firefox keeps Blobs in IndexedDB safely: the app stores the encoder's Blob as it is.
		expect(photo.form).toBe('blob');
		expect(photo.decoded).toEqual(size);
		expect(photo.decoded).toEqual({ width: photo.meta.width, height: photo.meta.height });
		expect(photo.decoded.width).toBeGreaterThanOrEqual(640);
		expect(photo.decoded.height).toBeGreaterThanOrEqual(360);
		// A picture, not the black frame a video gives before its first one. (Firefox's fake
		// camera shows one colour, slowly cycling, with a small clock: no finer check fits it.)
		expect(photo.mean).toBeGreaterThan(5);
	});

	test('gallery after reload: the photo is still there (IndexedDB kept it)', async () => {
		await openCamera(ff);
		await takePhoto(ff.page);
		await nav(ff.page, 'Gallery').click();
		await waitForText(ff.page, '1 photo');

		await ff.page.reload();
		await waitForText(ff.page, '1 photo');
		const list = await byRole(ff.page, 'list').waitHandle();
		const thumb = await findIn(list, 'image');
		expect(await list.$$(aria('image'))).toHaveLength(1);
		expect(await thumb.evaluate((i) => i.getAttribute('alt'))).toMatch(/^Photo taken \S.*\d{1,2}:\d{2}/);
		// A real decoded thumbnail, not a broken image.
		await expect.poll(() => thumb.evaluate(naturalWidth)).toBeGreaterThan(100);
		// And the camera page still offers it as the latest photo.
		await nav(ff.page, 'Camera').click();
		await byRole(ff.page, 'link', 'Open latest photo').wait();
	});

	test('GIF: one press in GIF mode stores an animated GIF of the preview, 480 px on its long side', async () => {
		await openCamera(ff);
		await byRole(ff.page, 'radio', 'GIF').click();
		await byRole(ff.page, 'button', 'Take photo').click();
		await waitForText(ff.page, 'GIF saved');
		const [gif] = await storedPhotos(ff.page);
		expect(gif.meta.type).toBe('image/gif');
		expect(gif.head).toEqual([0x47, 0x49, 0x46]); // "GIF"
		expect(Math.max(gif.decoded.width, gif.decoded.height)).toBe(480);
		expect(gif.mean).toBeGreaterThan(5);
	});
});
