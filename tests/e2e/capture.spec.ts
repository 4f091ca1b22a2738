import { test, expect, openCamera, takePhotos, nav, savedCount, smallerPreview } from './fixtures';

test('a photo taken with the shutter is in the gallery, also after a reload', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 1);
	// The preview is already the camera's largest photo size: the live frame is the photo.
	await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'video');
	// The latest-photo button shows the new photo and leads to it.
	const latest = page.getByRole('link', { name: 'Open latest photo' });
	await expect(latest).toBeVisible();
	await expect(latest.getByRole('img')).toHaveAttribute('alt', /^Photo taken /);

	// Space and Enter are shutters too when no control has focus.
	await page.locator('body').focus();
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('Space');
	await expect(page.getByText('Photo saved')).toBeAttached();
	await page.keyboard.press('Enter');

	await nav(page, 'Gallery').click();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	await page.reload();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	const thumbs = page.getByRole('list').getByRole('img');
	await expect(thumbs).toHaveCount(3);
	for (const img of await thumbs.all()) {
		await expect(img).toHaveAttribute('alt', /^Photo taken \S.*\d{1,2}:\d{2}/);
		// A real decoded thumbnail, not a broken image.
		await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(100);
	}
});

test('the latest-photo button opens that photo in the gallery viewer', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 2);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page).toHaveURL(/\/gallery\?photo=/);
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer).toBeVisible();
	await expect(viewer.getByText('1 of 2')).toBeVisible();
});

test('an empty gallery says how to take the first photo', async ({ page }) => {
	await page.goto('/gallery');
	await expect(page.getByText('0 photos', { exact: true })).toBeVisible();
	await expect(page.getByText(/press the round shutter button/)).toBeVisible();
	await page.getByRole('link', { name: 'Take your first photo' }).click();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
});

test('with a preview smaller than the photo size, stills come from takePhoto()', async ({ page }) => {
	await smallerPreview(page);
	await openCamera(page);
	expect(await page.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(1280);
	await takePhotos(page, 1);
	await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'takePhoto');
	// (The fake camera's takePhoto() returns its stream size whatever is asked; a real camera
	// gives the photo size, up to the largest its photo capabilities report.)
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog').getByText(/\d+ × \d+/)).toBeVisible();
});

test('rapid presses each save a different frame: nothing lost, nothing repeated', async ({ page }) => {
	await openCamera(page);
	// Twelve presses 60 ms apart, each an event of its own: faster than the worker draws, so
	// stills wait in it (a camera lends only four frames at a time; held, it stops giving more).
	await page.getByRole('button', { name: 'Take photo', exact: true }).evaluate(async (shutter: HTMLButtonElement) => {
		for (let i = 0; i < 12; i++) {
			shutter.click();
			await new Promise((r) => setTimeout(r, 60));
		}
	});
	await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(12);
	// Every stored original differs from the others.
	const distinct = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('photobooth');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const all = await new Promise<{ data: ArrayBuffer | Blob }[]>((res) => {
			const q = db.transaction('originals').objectStore('originals').getAll();
			q.onsuccess = () => res(q.result);
		});
		db.close();
		const hashes = await Promise.all(
			all.map(async (o) => {
				const bytes = o.data instanceof Blob ? await o.data.arrayBuffer() : o.data;
				return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))).join();
			})
		);
		return new Set(hashes).size;
	});
	expect(distinct).toBe(12);
});

/** The first bytes, type and form (Blob or bytes) of every stored original. */
function storedOriginals(page: import('@playwright/test').Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('photobooth');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const all = await new Promise<{ data: ArrayBuffer | Blob; type: string }[]>((res) => {
			const q = db.transaction('originals').objectStore('originals').getAll();
			q.onsuccess = () => res(q.result);
		});
		db.close();
		return Promise.all(
			all.map(async (o) => {
				const bytes = o.data instanceof Blob ? await o.data.arrayBuffer() : o.data;
				const form = o.data instanceof Blob ? 'blob' : 'bytes';
				return { type: o.type, form, head: Array.from(new Uint8Array(bytes, 0, 3)), size: bytes.byteLength };
			})
		);
	});
}

test('stills are encoded in a worker, off the page that shows the preview', async ({ page }) => {
	await openCamera(page);
	await takePhotos(page, 2);
	await expect(page.locator('[data-encoded-in]')).toHaveAttribute('data-encoded-in', 'worker');
	for (const o of await storedOriginals(page)) {
		// Chromium keeps Blobs in IndexedDB safely: the encoder's Blob is stored as it is.
		expect(o.form).toBe('blob');
		expect(o.type).toBe('image/jpeg');
		expect(o.head).toEqual([0xff, 0xd8, 0xff]);
		expect(o.size).toBeGreaterThan(20_000);
	}
});

test('where the encode worker cannot run, the page encodes and nothing is lost', async ({ page }) => {
	// A worker that fails to load, as a blocked or broken script would.
	await page.addInitScript(() => {
		window.Worker = class extends EventTarget {
			onerror: ((e: ErrorEvent) => void) | null = null;
			constructor() {
				super();
				setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'blocked for the test' })), 20);
			}
			postMessage() {}
			terminate() {}
		} as unknown as typeof Worker;
	});
	await openCamera(page);
	await takePhotos(page, 2);
	await expect(page.locator('[data-encoded-in]')).toHaveAttribute('data-encoded-in', 'page');
	const originals = await storedOriginals(page);
	expect(originals).toHaveLength(2);
	for (const o of originals) expect(o.head).toEqual([0xff, 0xd8, 0xff]);
});

test.describe('the still falls back when ImageCapture is missing or fails', () => {
	test.beforeEach(async ({ page }) => smallerPreview(page));

	test('no ImageCapture at all (as in Firefox): the video frame is saved', async ({ page }) => {
		await page.addInitScript(() => {
			delete (window as unknown as { ImageCapture?: unknown }).ImageCapture;
		});
		await openCamera(page);
		await takePhotos(page, 1);
		await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'video');
		await page.getByRole('link', { name: 'Open latest photo' }).click();
		await expect(page.getByRole('dialog').getByText(/\d+ × \d+/)).toBeVisible();
	});

	test('takePhoto() rejects: grabFrame() gives the photo', async ({ page }) => {
		await page.addInitScript(() => {
			const IC = (window as unknown as { ImageCapture: { prototype: { takePhoto: () => Promise<Blob> } } })
				.ImageCapture;
			IC.prototype.takePhoto = () => Promise.reject(new DOMException('broken', 'UnknownError'));
		});
		await openCamera(page);
		await takePhotos(page, 1);
		await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'grabFrame');
	});

	test('takePhoto() and grabFrame() both reject: the video frame is saved', async ({ page }) => {
		await page.addInitScript(() => {
			const IC = (
				window as unknown as {
					ImageCapture: { prototype: { takePhoto: () => Promise<Blob>; grabFrame: () => Promise<ImageBitmap> } };
				}
			).ImageCapture;
			IC.prototype.takePhoto = () => Promise.reject(new DOMException('broken', 'UnknownError'));
			IC.prototype.grabFrame = () => Promise.reject(new DOMException('broken', 'InvalidStateError'));
		});
		await openCamera(page);
		await takePhotos(page, 2);
		await expect(page.locator('[data-capture-method]')).toHaveAttribute('data-capture-method', 'video');
	});
});
