import { readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { test, expect, nav, openCamera, savedCount } from './fixtures';
import { layouts } from '../../src/lib/strips/layouts';
import { regionMeans, shootStrip, sketchDistance, storedItems, stripSettings } from './strips';
import { violations } from './axe';

// Each session counts down 3 s before every shot: these journeys take their time.
test.slow();

for (const layout of layouts(4)) {
	test(`Strip mode makes a ${layout.label}: print size, distinct frames in its cells, "Strip" in the gallery`, async ({ page }) => {
		await stripSettings(page, { stripLayout: layout.id, stripShots: 4, caption: 'Ada & Grace' });
		await shootStrip(page, layout.shots);

		const [strip, ...photos] = await storedItems(page);
		expect(strip).toMatchObject({ kind: 'strip', width: layout.size.width, height: layout.size.height });
		expect(strip.strip?.shots).toEqual(photos.slice(0, layout.shots).map((p) => p.id).reverse());
		expect(photos.every((p) => p.kind === undefined)).toBe(true);

		await nav(page, 'Gallery').click();
		await expect(page.getByRole('list').getByRole('img', { name: /^Strip of \d photos?/ })).toBeVisible();
		await page.getByRole('list').getByRole('link').first().click();
		const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
		await expect(viewer.getByRole('img')).toHaveAttribute('alt', /^Strip/);

		const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download' }).click()]);
		expect(download.suggestedFilename()).toMatch(/\.jpg$/);
		const bytes = await readFile(await download.path());
		const exif = await exifr.parse(bytes, { tiff: true, exif: true });
		expect(exif).toMatchObject({ XResolution: 300, YResolution: 300, ResolutionUnit: 'inches', Software: 'Photo Booth' });
		expect(exif.DateTimeOriginal).toBeInstanceOf(Date);

		// Each shot's cell (the first cell that shows it) holds its own frame.
		const firstCells = [...new Map(layout.cells.map((c) => [c.shot, c.rect])).values()];
		const read = await regionMeans(page, bytes, firstCells);
		expect([read.width, read.height]).toEqual([layout.size.width, layout.size.height]);
		for (let i = 0; i < read.samples.length; i++)
			for (let j = i + 1; j < read.samples.length; j++)
				expect(sketchDistance(read.samples[i], read.samples[j]), `cells ${i} and ${j}`).toBeGreaterThan(40);
		// And a shot shown twice (two strips on a sheet) is the same frame in both: the measure tells.
		const twice = layout.cells.filter((c) => c.shot === 0).map((c) => c.rect);
		if (twice.length > 1) {
			const again = await regionMeans(page, bytes, twice);
			expect(sketchDistance(again.samples[0], again.samples[1])).toBeLessThan(20);
		}
	});
}

test('Change layout makes the other layout from the same photos, and keeps the first', async ({ page }) => {
	await stripSettings(page, { stripLayout: 'grid-2x2', caption: 'First' });
	await shootStrip(page, 4);
	const [first] = await storedItems(page);

	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await viewer.getByRole('button', { name: 'Change layout' }).click();
	const dialog = page.getByRole('dialog', { name: 'Change layout' });
	await expect(dialog.getByRole('radiogroup', { name: 'Layout' })).toBeVisible();
	expect(await violations(page), 'the Change layout dialog').toEqual([]);
	await dialog.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Postcard' }).check();
	await dialog.getByRole('textbox', { name: 'Caption' }).fill('Second');
	await dialog.getByRole('button', { name: 'Make strip' }).click();
	await expect(page.getByText('New layout made; the earlier strip is kept.')).toBeVisible();
	await expect(viewer.getByText(/^Strip · 1800 × 1200/)).toBeVisible();

	const items = await storedItems(page);
	const strips = items.filter((i) => i.kind === 'strip');
	expect(strips).toHaveLength(2);
	const made = strips.find((s) => s.id !== first.id)!;
	expect(made).toMatchObject({ width: 1800, height: 1200, strip: { layout: 'postcard', shots: first.strip!.shots, design: { caption: 'Second' } } });
	expect(strips.find((s) => s.id === first.id)?.strip).toMatchObject({ layout: 'grid-2x2', design: { caption: 'First' } });
});

test('Print gives one page of the layout size per copy, nothing else of the app, and is counted', async ({ page }) => {
	await stripSettings(page, { stripLayout: 'strip-2x6', stripShots: 3 });
	await shootStrip(page, 3);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await viewer.getByRole('button', { name: 'Print' }).click();
	const dialog = page.getByRole('dialog', { name: 'Print' });
	await expect(dialog.getByText('On 2 × 6 in paper, no margin.')).toBeVisible();
	expect(await violations(page), 'the Print dialog').toEqual([]);
	await dialog.getByRole('spinbutton', { name: 'Copies' }).fill('3');
	await dialog.getByRole('button', { name: 'Print' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);

	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
	const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
	const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
	expect(pages).toHaveLength(3);
	// 2 x 6 inches at 72 points an inch.
	expect(boxes).toEqual([
		[144, 432],
		[144, 432],
		[144, 432]
	]);
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(viewer.getByText(/printed 3×/)).toBeVisible();
});

test('Esc ends a strip session: the shots taken are kept as photos, and no strip is made', async ({ page }) => {
	await stripSettings(page, { stripLayout: 'strip-2x6', stripShots: 4 });
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	// "2 of 4" shows once the first shot is taken, as the second countdown starts.
	await expect(page.getByText('2 of 4').first()).toBeVisible({ timeout: 15_000 });
	await page.keyboard.press('Escape');
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
	await expect.poll(() => savedCount(page)).toBe(1);
	await page.waitForTimeout(4000);
	const items = await storedItems(page);
	expect(items).toHaveLength(1);
	expect(items[0].kind).toBeUndefined();
});
