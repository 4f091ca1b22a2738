import exifr from 'exifr';
import { test, expect } from './fixtures';
import { openEmptyGallery, seedPhotos } from './seed';

test('Share hands the photo to the share sheet as a file with EXIF, where files can be shared', async ({ page }) => {
	// Desktop Linux Chromium has no Web Share; stand in for a phone's share sheet.
	await page.addInitScript(() => {
		const w = window as unknown as { shared: { name: string; type: string; b64: string }[] };
		w.shared = [];
		Object.assign(navigator, {
			canShare: (data: { files?: File[] }) => !!data.files?.length,
			share: async (data: { files: File[] }) => {
				for (const f of data.files) {
					const bytes = new Uint8Array(await f.arrayBuffer());
					let s = '';
					for (const b of bytes) s += String.fromCharCode(b);
					w.shared.push({ name: f.name, type: f.type, b64: btoa(s) });
				}
			}
		});
	});
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 3 });
	await page.reload();
	await page.getByRole('list').getByRole('link').first().click();
	await page.getByRole('dialog', { name: 'Photo viewer' }).getByRole('button', { name: 'Share' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared.length)).toBe(1);
	const [file] = await page.evaluate(() => (window as unknown as { shared: { name: string; type: string; b64: string }[] }).shared);
	expect(file.name).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.jpg$/);
	expect(file.type).toBe('image/jpeg');
	const tags = await exifr.parse(Buffer.from(file.b64, 'base64'), { exif: true, reviveValues: false });
	expect(tags.DateTimeOriginal).toMatch(/^\d{4}:\d\d:\d\d \d\d:\d\d:\d\d$/);

	// In select mode too.
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Select' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Share' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared.length)).toBe(4);
});

test('Share is hidden where the browser cannot share files', async ({ page }) => {
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 1 });
	await page.reload();
	await page.getByRole('list').getByRole('link').first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer.getByRole('button', { name: 'Download' })).toBeVisible();
	await expect(viewer.getByRole('button', { name: 'Share' })).toHaveCount(0);
});

test('swiping the photo sideways goes to the next and back', async ({ page }) => {
	await openEmptyGallery(page);
	await seedPhotos(page, { count: 3 });
	await page.reload();
	await page.getByRole('list').getByRole('link').first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer.getByText('1 of 3')).toBeVisible();
	const box = (await viewer.getByRole('group').boundingBox())!;
	const swipe = async (dx: number) => {
		const y = box.y + box.height / 2;
		const x = box.x + box.width / 2;
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + dx / 2, y, { steps: 4 });
		await page.mouse.move(x + dx, y + 5, { steps: 4 });
		await page.mouse.up();
	};
	await swipe(-220);
	await expect(viewer.getByText('2 of 3')).toBeVisible();
	await swipe(-220);
	await expect(viewer.getByText('3 of 3')).toBeVisible();
	await swipe(-220); // nothing further: it springs back
	await expect(viewer.getByText('3 of 3')).toBeVisible();
	await swipe(220);
	await expect(viewer.getByText('2 of 3')).toBeVisible();
	// A short drag is not a swipe.
	await swipe(20);
	await expect(viewer.getByText('2 of 3')).toBeVisible();
});
