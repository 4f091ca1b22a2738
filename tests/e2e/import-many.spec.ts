import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openEmptyGallery, storedPhotos } from './seed';

/** `count` different JPEGs (a numbered colour each) and one PNG, drawn in the page. */
async function pictures(page: Page, count: number): Promise<{ jpegs: Buffer[]; png: Buffer }> {
	const { jpegs, png } = await page.evaluate(async (count) => {
		const encode = async (i: number, type: string) => {
			const c = new OffscreenCanvas(80, 60);
			const ctx = c.getContext('2d')!;
			ctx.fillStyle = `hsl(${(i * 47) % 360} 70% 50%)`;
			ctx.fillRect(0, 0, 80, 60);
			ctx.fillStyle = '#fff';
			ctx.font = '28px sans-serif';
			ctx.fillText(String(i), 8, 40);
			const bytes = new Uint8Array(await (await c.convertToBlob({ type, quality: 0.9 })).arrayBuffer());
			let s = '';
			for (const b of bytes) s += String.fromCharCode(b);
			return btoa(s);
		};
		const jpegs: string[] = [];
		for (let i = 0; i < count; i++) jpegs.push(await encode(i, 'image/jpeg'));
		return { jpegs, png: await encode(count, 'image/png') };
	}, count);
	return { jpegs: jpegs.map((b) => Buffer.from(b, 'base64')), png: Buffer.from(png, 'base64') };
}

/** The JPEG with an EXIF segment saying "turn 90 degrees clockwise to show" (orientation 6). */
function turned(jpeg: Buffer): Buffer {
	// TIFF header (big-endian), IFD0 with one entry: Orientation (0x0112), SHORT, 1, value 6.
	const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
	const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
	const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
	return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

async function thumbnails(page: Page): Promise<Map<string, { width: number; height: number; decoded: string }>> {
	const list = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('photobooth');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const all = await new Promise<{ id: string; data: ArrayBuffer; type: string; width: number; height: number }[]>((resolve, reject) => {
			const req = db.transaction('thumbnails').objectStore('thumbnails').getAll();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		db.close();
		return Promise.all(
			all.map(async (t) => {
				const bitmap = await createImageBitmap(new Blob([t.data], { type: t.type }));
				const decoded = `${bitmap.width}x${bitmap.height}`;
				bitmap.close();
				return { id: t.id, width: t.width, height: t.height, decoded };
			})
		);
	});
	return new Map(list.map((t) => [t.id, t]));
}

test('many photo files come in together, each with its thumbnail made on the way; a turned photo is stored as shown; a repeated file is one photo', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openEmptyGallery(page);
	const { jpegs, png } = await pictures(page, 60);
	const files = [
		...jpegs.map((buffer, i) => ({ name: `party-${String(i).padStart(3, '0')}.jpg`, mimeType: 'image/jpeg', buffer })),
		{ name: 'turned.jpg', mimeType: 'image/jpeg', buffer: turned(jpegs[0]) },
		{ name: 'drawing.png', mimeType: 'image/png', buffer: png },
		{ name: 'party-000 (copy).jpg', mimeType: 'image/jpeg', buffer: jpegs[0] }
	];
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles(files);
	await expect(page.getByRole('status').getByText('Imported 62 photos, 1 photo already here')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText('62 photos', { exact: true })).toBeVisible();

	// Every photo is whole, and its thumbnail was stored with it: none is left for the gallery to make.
	const stored = await storedPhotos(page);
	expect(stored).toHaveLength(62);
	expect(stored.every((p) => p.hasOriginal)).toBe(true);
	const thumbs = await thumbnails(page);
	expect(stored.filter((p) => !thumbs.has(p.id))).toEqual([]);
	for (const p of stored) {
		const t = thumbs.get(p.id)!;
		expect(t.decoded).toBe(`${t.width}x${t.height}`);
	}

	// The turned camera photo: its size and thumbnail are as it is shown (portrait), the others as drawn.
	const portrait = stored.filter((p) => p.height > p.width);
	expect(portrait).toHaveLength(1);
	expect(portrait[0]).toMatchObject({ width: 60, height: 80 });
	expect(thumbs.get(portrait[0].id)).toMatchObject({ width: 60, height: 80 });
	expect(stored.filter((p) => p.width === 80 && p.height === 60)).toHaveLength(61);

	// The gallery shows them with their thumbnails.
	await expect(page.getByRole('list').getByRole('img').first()).toHaveAttribute('alt', /^Photo taken /);
});

test('where no import worker can start, the page takes the files in itself: every photo whole, with its thumbnail', async ({ page }) => {
	test.setTimeout(120_000);
	// A browser without (module) workers: the pool has none, and the page's own intake runs.
	await page.addInitScript(() => {
		Object.defineProperty(window, 'Worker', { value: undefined, configurable: true });
	});
	await openEmptyGallery(page);
	const { jpegs, png } = await pictures(page, 20);
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles([
		...jpegs.map((buffer, i) => ({ name: `guest-${i}.jpg`, mimeType: 'image/jpeg', buffer })),
		{ name: 'drawing.png', mimeType: 'image/png', buffer: png },
		{ name: 'guest-0 again.jpg', mimeType: 'image/jpeg', buffer: jpegs[0] }
	]);
	await expect(page.getByRole('status').getByText('Imported 21 photos, 1 photo already here')).toBeVisible({ timeout: 60_000 });
	const stored = await storedPhotos(page);
	expect(stored).toHaveLength(21);
	expect(stored.every((p) => p.hasOriginal)).toBe(true);
	const thumbs = await thumbnails(page);
	expect(stored.filter((p) => thumbs.get(p.id)?.decoded !== '80x60')).toEqual([]);
});
