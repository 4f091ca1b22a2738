import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openEmptyGallery, seedPhotos, storedPhotos } from './seed';
import { zip } from './zip';
import { exiftoolVersion } from './tools';

/** A real PNG, drawn in the page (each fill colour gives other bytes). */
async function pngBytes(page: Page, fill = '#3a8'): Promise<Buffer> {
	const b64 = await page.evaluate(async (fill) => {
		const c = new OffscreenCanvas(40, 30);
		const ctx = c.getContext('2d')!;
		ctx.fillStyle = fill;
		ctx.fillRect(0, 0, 40, 30);
		ctx.fillStyle = '#fff';
		ctx.fillRect(5, 5, 10, 10);
		const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
		let s = '';
		for (const b of bytes) s += String.fromCharCode(b);
		return btoa(s);
	}, fill);
	return Buffer.from(b64, 'base64');
}

test('a corrupt or unsupported file is refused with its reason, and nothing else changes', async ({ page }) => {
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 2 });
	await page.reload();
	await expect(page.getByText('2 photos', { exact: true })).toBeVisible();
	const before = await storedPhotos(page);

	const png = await pngBytes(page);
	const goodZip = await zip({ 'a.png': png });
	// A backup whose manifest names a photo the archive does not hold.
	const holey = await zip({
		'manifest.json': new TextEncoder().encode(
			JSON.stringify({
				format: 'photobooth-backup',
				version: 1,
				photos: [{ id: 'gone', file: 'photos/gone.jpg', takenAt: 1, width: 1, height: 1, type: 'image/jpeg', size: 1, camera: '', favorite: false }]
			})
		)
	});
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles([
		{ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Array(200).fill(7)]) },
		{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo at all') },
		{ name: 'broken.zip', mimeType: 'application/zip', buffer: goodZip.subarray(0, 40) },
		{ name: 'holey-backup.zip', mimeType: 'application/zip', buffer: holey },
		{ name: 'fine.png', mimeType: 'image/png', buffer: png }
	]);

	const result = page.getByRole('alert', { name: 'Import result' });
	await expect(result).toBeVisible();
	await expect(result.getByRole('heading')).toHaveText('Imported 1 photo');
	await expect(result.getByRole('listitem')).toHaveText([
		/^broken\.jpg: the image is damaged or cannot be read\.$/,
		/^notes\.txt: not a photo \(JPEG, PNG, WebP or GIF\), a video \(MP4 or WebM\) or a Photo Booth backup\.$/,
		/^broken\.zip: not a readable ZIP archive/,
		/^holey-backup\.zip: photos\/gone\.jpg: missing from the archive\.$/
	]);

	// The good file came in; the photos that were there are untouched; nothing half-written.
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	const after = await storedPhotos(page);
	expect(after.filter((p) => before.some((b) => b.id === p.id))).toEqual(before);
	expect(after.every((p) => p.hasOriginal)).toBe(true);

	await result.getByRole('button', { name: 'Dismiss' }).click();
	await expect(result).toBeHidden();
});

test('photos dropped on the gallery are imported, once', async ({ page }) => {
	await openEmptyGallery(page);
	const png = await pngBytes(page);
	const drop = async () => {
		const data = await page.evaluateHandle((b64) => {
			const dt = new DataTransfer();
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			dt.items.add(new File([bytes], 'dropped.png', { type: 'image/png', lastModified: Date.now() - 60_000 }));
			return dt;
		}, png.toString('base64'));
		await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
		await expect(page.getByText('Drop to import')).toBeVisible();
		await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
		await page.dispatchEvent('main', 'drop', { dataTransfer: data });
		await expect(page.getByText('Drop to import')).toBeHidden();
	};
	await drop();
	await expect(page.getByRole('status').getByText('Imported 1 photo', { exact: true })).toBeVisible();
	await expect(page.getByText('1 photo', { exact: true })).toBeVisible();
	await expect(page.getByRole('list').getByRole('img')).toHaveAttribute('alt', /^Photo taken /);

	// The same file again: recognised by its content and skipped.
	await drop();
	await expect(page.getByRole('status').getByText('Imported 0 photos, 1 photo already here')).toBeVisible();
	expect(await storedPhotos(page)).toHaveLength(1);
});

test('an archive with odd entry names ("../", absolute, a drive letter) still imports every photo in it', async ({ page }) => {
	await openEmptyGallery(page);
	const names = ['../../evil.jpg', '/etc/abs-evil.png', 'C:\\Windows\\system.png', 'good.png'];
	const files: Record<string, Uint8Array> = {};
	for (const [i, name] of names.entries()) files[name] = await pngBytes(page, ['#a33', '#3a3', '#33a', '#aa3'][i]);
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'odd-names.zip', mimeType: 'application/zip', buffer: await zip(files) });
	await expect(page.getByRole('status').getByText('Imported 4 photos', { exact: true })).toBeVisible();
	expect(await storedPhotos(page)).toHaveLength(4);
});

test('a photo from another camera keeps its own EXIF: dated by it in the gallery, and exported with its Make, Model and date', async ({ page }) => {
	const exiftool = exiftoolVersion();
	// .ci/run installs exiftool; without it, this journey cannot write the camera's EXIF.
	test.skip(!exiftool && !process.env.CI, 'exiftool is not installed');
	await openEmptyGallery(page);
	const jpeg = await page.evaluate(async () => {
		const c = new OffscreenCanvas(64, 48);
		const ctx = c.getContext('2d')!;
		ctx.fillStyle = '#c84';
		ctx.fillRect(0, 0, 64, 48);
		return [...new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer())];
	});
	const file = join(mkdtempSync(join(tmpdir(), 'camera-')), 'IMG_0001.jpg');
	writeFileSync(file, new Uint8Array(jpeg));
	execFileSync('exiftool', ['-q', '-overwrite_original', '-Make=OtherMaker', '-Model=Other Model 7', '-DateTimeOriginal=2019:07:04 12:34:56', file]);

	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles(file);
	await expect(page.getByRole('status').getByText('Imported 1 photo', { exact: true })).toBeVisible();
	const [stored] = await storedPhotos(page);
	expect(stored.takenAt).toBe(await page.evaluate(() => new Date(2019, 6, 4, 12, 34, 56).getTime()));
	await expect(page.getByRole('heading', { name: /2019/ })).toBeVisible();

	await page.getByRole('list').getByRole('link').first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download' }).click()]);
	const tags = JSON.parse(execFileSync('exiftool', ['-j', '-Make', '-Model', '-DateTimeOriginal', await download.path()], { encoding: 'utf8' }))[0];
	expect(tags).toMatchObject({ Make: 'OtherMaker', Model: 'Other Model 7', DateTimeOriginal: '2019:07:04 12:34:56' });
});

test('a decompression bomb in an archive is refused before it is unpacked, and the photo beside it comes in', async ({ page }) => {
	// Which workers the page starts: archives are unpacked in one, off the page's thread.
	await page.addInitScript(() => {
		const started: string[] = ((window as unknown as { __workers: string[] }).__workers = []);
		const Base = window.Worker;
		window.Worker = class extends Base {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				started.push(String(url));
			}
		};
	});
	await openEmptyGallery(page);
	// 40 MB of zeros behind a JPEG signature: about 40 KB packed, a ratio of 1,000.
	const bomb = new Uint8Array(40 * 1024 * 1024);
	bomb.set([0xff, 0xd8, 0xff, 0xe0]);
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'party.zip', mimeType: 'application/zip', buffer: await zip({ 'bomb.jpg': bomb, 'good.png': await pngBytes(page) }) });
	const result = page.getByRole('alert', { name: 'Import result' });
	await expect(result.getByRole('heading')).toHaveText('Imported 1 photo');
	await expect(result.getByRole('listitem')).toHaveText('party.zip: bomb.jpg: far too large for a photo once unpacked (40 MB): it may be a decompression bomb.');
	// Nothing of its size was set aside in the page (it used to take the whole declared size at once).
	const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
	expect(heap).toBeLessThan(40 * 1024 * 1024);
	expect(await storedPhotos(page)).toHaveLength(1);
	// The good photo was unpacked in zip.js's worker, served from this origin.
	const workers = await page.evaluate(() => (window as unknown as { __workers: string[] }).__workers);
	expect(workers.some((url) => /\/_app\/immutable\/.*zip-web-worker[^/]*\.js$/.test(new URL(url, page.url()).pathname))).toBe(true);
});
