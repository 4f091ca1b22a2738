import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { test, expect, nav, openCamera, takePhotos } from './fixtures';
import { openEmptyGallery, seedPhotos } from './seed';
import { decodeInPage, unzip } from './zip';

// Three shots in one second (14:30:05.9, .5, .1) and one a minute earlier, local time.
const t = new Date(2026, 10, 24, 14, 30, 5, 900).getTime();
const times = [t, t - 400, t - 800, t - 60_000];
const expectedNames = [
	'photobooth-2026-11-24-143005.jpg',
	'photobooth-2026-11-24-143005-2.jpg',
	'photobooth-2026-11-24-143005-3.jpg',
	'photobooth-2026-11-24-142905.jpg'
];

/** Checks an exported archive: the dated names, decodable images, EXIF on every one. */
async function expectGoodExport(page: import('@playwright/test').Page, bytes: Uint8Array) {
	const files = await unzip(bytes);
	expect([...files.keys()]).toEqual(expectedNames);
	const sizes = await decodeInPage(page, [...files.values()]);
	expect(sizes).toEqual(expectedNames.map(() => ({ width: 64, height: 48 })));
	for (const [i, data] of [...files.values()].entries()) {
		const tags = await exifr.parse(Buffer.from(data), { tiff: true, exif: true, reviveValues: false });
		const d = new Date(times[i]);
		const p = (n: number) => String(n).padStart(2, '0');
		expect(tags.DateTimeOriginal).toBe(
			`${d.getFullYear()}:${p(d.getMonth() + 1)}:${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
		);
		expect(tags.OffsetTimeOriginal).toMatch(/^[+-]\d\d:\d\d$/);
		expect(tags.Software).toBe('Photo Booth');
		expect(tags.Model).toBe('Seed Cam');
	}
}

test('Export saves every photo in one ZIP: decodable, uniquely dated, with EXIF', async ({ page }) => {
	// The download path: as in browsers without the File System Access API.
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 4, times });
	await page.reload();
	await expect(page.getByText('4 photos', { exact: true })).toBeVisible();

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
	// Joined by the browser from the stored Blobs, not streamed through the service worker.
	expect(download.url()).toMatch(/^blob:/);
	await expectGoodExport(page, await readFile(await download.path()));
	await expect(page.getByRole('status').getByText('Exported 4 photos')).toBeVisible();

	// Only the copy that left got EXIF: the stored originals are as they were.
	const storedHasExif = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((r) => (indexedDB.open('photobooth').onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)));
		const all = await new Promise<{ data: ArrayBuffer | Blob }[]>(
			(r) => (db.transaction('originals').objectStore('originals').getAll().onsuccess = (e) => r((e.target as IDBRequest).result))
		);
		db.close();
		const texts = await Promise.all(
			all.map(async (o) => new TextDecoder('latin1').decode(o.data instanceof Blob ? await o.data.arrayBuffer() : o.data))
		);
		return texts.some((t) => t.includes('Exif\0\0'));
	});
	expect(storedHasExif).toBe(false);
});

test('photos stored before Blobs and CRCs were kept export the same', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 4, times, form: 'legacy' });
	await page.reload();
	await expect(page.getByText('4 photos', { exact: true })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	await expectGoodExport(page, await readFile(await download.path()));

	// While the gallery is open they are moved to Blobs, with their CRCs, in the background.
	const forms = () =>
		page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((r) => (indexedDB.open('photobooth').onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)));
			const all = await new Promise<{ data: unknown; crc?: number }[]>(
				(r) => (db.transaction('originals').objectStore('originals').getAll().onsuccess = (e) => r((e.target as IDBRequest).result))
			);
			db.close();
			return all.map((o) => `${o.data instanceof Blob ? 'blob' : 'bytes'} ${typeof o.crc}`);
		});
	await expect.poll(forms, { timeout: 15_000 }).toEqual(Array(4).fill('blob number'));
	const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	await expectGoodExport(page, await readFile(await again.path()));
});

test('where photos are stored as bytes (WebKit), the service worker streams the archive as it downloads', async ({ page }) => {
	await page.addInitScript(() => {
		delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
		// What every browser on iOS and Safari report: the app keeps photos as bytes there.
		Object.defineProperty(Navigator.prototype, 'vendor', { get: () => 'Apple Computer, Inc.' });
	});
	await openEmptyGallery(page);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
	await seedPhotos(page, { count: 4, times, form: 'legacy' });
	await page.reload();
	await expect(page.getByText('4 photos', { exact: true })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	// Streamed from the worker's URL, not gathered in a Blob by the page.
	expect(new URL(download.url()).pathname).toMatch(/^\/__zip\/[0-9a-f-]{36}\/photobooth-/);
	expect(download.suggestedFilename()).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
	await expectGoodExport(page, await readFile(await download.path()));
	await expect(page.getByRole('status').getByText('Exported 4 photos')).toBeVisible();
});

test('where the browser cannot keep the joined archive (a private window), the archive is streamed instead', async ({ page }) => {
	await page.addInitScript(() => {
		delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
		// As Chromium answers reads of a Blob it could not build (an incognito window out of
		// blob memory): the export reads back one byte of each joined batch to find out.
		const read = Blob.prototype.arrayBuffer;
		Blob.prototype.arrayBuffer = function (this: Blob) {
			if (this.size === 1) return Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
			return read.call(this);
		};
	});
	await openEmptyGallery(page);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
	await seedPhotos(page, { count: 4, times });
	await page.reload();
	await expect(page.getByText('4 photos', { exact: true })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	expect(new URL(download.url()).pathname).toMatch(/^\/__zip\//);
	await expectGoodExport(page, await readFile(await download.path()));
	await expect(page.getByRole('status').getByText('Exported 4 photos')).toBeVisible();
});

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('Export writes the same archive in the page', async ({ page }) => {
		await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
		await openEmptyGallery(page);
		expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
		await seedPhotos(page, { count: 4, times });
		await page.reload();
		await expect(page.getByText('4 photos', { exact: true })).toBeVisible();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
		expect(download.url()).toMatch(/^blob:/);
		await expectGoodExport(page, await readFile(await download.path()));
		await expect(page.getByRole('status').getByText('Exported 4 photos')).toBeVisible();
	});
});

test('with a save picker the ZIP streams into the chosen file', async ({ page }) => {
	// The picker hands out a real file in the origin-private file system, so the bytes go through
	// a real FileSystemWritableFileStream, as they do into a file the person picked.
	await page.addInitScript(() => {
		(window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (opts: { suggestedName: string }) => {
			(window as unknown as { pickedName: string }).pickedName = opts.suggestedName;
			return (await navigator.storage.getDirectory()).getFileHandle('picked.zip', { create: true });
		};
	});
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 4, times });
	await page.reload();
	await page.getByRole('button', { name: 'Export' }).click();
	await expect(page.getByRole('status').getByText('Exported 4 photos')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { pickedName: string }).pickedName)).toMatch(/^photobooth-.*\.zip$/);
	const b64 = await page.evaluate(async () => {
		const file = await (await (await navigator.storage.getDirectory()).getFileHandle('picked.zip')).getFile();
		const bytes = new Uint8Array(await file.arrayBuffer());
		let s = '';
		for (const b of bytes) s += String.fromCharCode(b);
		return btoa(s);
	});
	await expectGoodExport(page, Buffer.from(b64, 'base64'));
});

test('a long export shows its progress and Cancel stops it, keeping nothing', async ({ page }) => {
	// A slow destination (a slow disk, a network drive) so the export is caught in the middle.
	await page.addInitScript(() => {
		const w = window as unknown as { showSaveFilePicker: unknown; aborted: boolean; written: number };
		w.aborted = false;
		w.written = 0;
		w.showSaveFilePicker = async () => ({
			createWritable: async () =>
				new WritableStream({
					// Each write takes 30 s, or until the export is cancelled (the controller's signal):
					// at 3 s a write, a loaded CI machine once saw the export finish before Cancel.
					write: async (chunk: Uint8Array | Blob, controller: WritableStreamDefaultController) => {
						w.written += chunk instanceof Blob ? chunk.size : chunk.byteLength;
						await new Promise<void>((r) => {
							const t = setTimeout(r, 30_000);
							controller.signal.addEventListener('abort', () => (clearTimeout(t), r()));
						});
					},
					abort: () => {
						w.aborted = true;
					}
				})
		});
	});
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 60 });
	await page.reload();
	await page.getByRole('button', { name: 'Export' }).click();

	const progress = page.getByRole('group', { name: 'Exporting 60 photos' });
	await expect(progress).toBeVisible();
	await expect(progress.getByRole('progressbar')).toBeVisible();
	await expect.poll(() => progress.getByRole('progressbar').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0);
	await expect(progress.getByText(/^\d+ of 60$/)).toBeVisible();
	await progress.getByRole('button', { name: 'Cancel' }).click();

	await expect(page.getByRole('status').getByText('Export cancelled')).toBeVisible();
	await expect(progress).toBeHidden();
	// The file is aborted (nothing kept) once the piece being copied into it is done.
	await expect.poll(() => page.evaluate(() => (window as unknown as { aborted: boolean }).aborted)).toBe(true);
	// The buttons are back for the next try.
	await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
});

test('Export right after opening a large gallery takes every photo, not the first page', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 1500, thumbnails: false });
	await page.reload();
	// Pressed as soon as it can be, while later pages of the list may still be loading.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	expect(files.size).toBe(1500);
});

test('photos taken with the camera export with checksums that match their bytes', async ({ page }) => {
	// Their CRC-32 is stored soon after they are taken, and the archive's is derived from it
	// (EXIF spliced in): unzip checks every entry's CRC against the bytes it reads.
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await openCamera(page);
	await takePhotos(page, 3);
	// Worked out once saving has been quiet for a moment, off the shutter's path.
	const stored = () =>
		page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((r) => (indexedDB.open('photobooth').onsuccess = (e) => r((e.target as IDBOpenDBRequest).result)));
			const all = await new Promise<{ crc?: number }[]>(
				(r) => (db.transaction('originals').objectStore('originals').getAll().onsuccess = (e) => r((e.target as IDBRequest).result))
			);
			db.close();
			return all.map((o) => typeof o.crc);
		});
	await expect.poll(stored).toEqual(['number', 'number', 'number']);
	await nav(page, 'Gallery').click();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	const files = await unzip(await readFile(await download.path()));
	expect(files.size).toBe(3);
	for (const data of files.values()) {
		const tags = await exifr.parse(Buffer.from(data), { tiff: true, exif: true, reviveValues: false });
		expect(tags.Software).toBe('Photo Booth');
	}
});
