import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openCamera, savedCount, nav } from './fixtures';
import { greyFrames, meanDiff, probeVideo, readGif, videoReadersHere } from './media-tools';
import { clearAllPhotos } from './seed';
import { frameOverlay } from './strips';
import { unzip } from './zip';

/** Starts the booth in `mode` with these settings (first load only). */
async function seedSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
	await page.addInitScript((s) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, ...s }));
			sessionStorage.setItem('seeded', '1');
		}
	}, settings);
}

// Each journey records, encodes and reads back files with ffmpeg: slower than a photo's, the
// more so while other journeys share the machine.
test.describe.configure({ timeout: 120_000 });

const shutter = (page: Page) => page.getByRole('button', { name: 'Take photo', exact: true });

/** Opens the gallery's newest item of this kind (by its alt text) in the viewer. */
async function openNewest(page: Page, alt: RegExp) {
	await nav(page, 'Gallery').click();
	await page.getByRole('list').getByRole('img', { name: alt }).first().click();
	return page.getByRole('dialog', { name: 'Photo viewer' });
}

async function download(page: Page, viewer: ReturnType<Page['getByRole']>) {
	const [file] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download' }).click()]);
	return { name: file.suggestedFilename(), path: await file.path() };
}

test('GIF mode: one press makes a looping GIF of the set frames and pace, which animates in the viewer and downloads whole', async ({ page }) => {
	await seedSettings(page, { mode: 'gif', gifFrames: 6, gifDuration: 1500 });
	await openCamera(page);
	await expect(page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'GIF', exact: true })).toBeChecked();
	await shutter(page).click();
	await expect(page.getByText('Recording GIF').first()).toBeAttached();
	await expect(page.getByText('GIF saved')).toBeAttached({ timeout: 60_000 });
	expect(await savedCount(page)).toBe(1);

	const viewer = await openNewest(page, /^GIF, 0:01, made /);
	await expect(viewer.getByText(/GIF · 0:01 · 480 × 270/)).toBeVisible();
	const img = viewer.getByRole('img', { name: /^GIF/ });
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(480);

	const file = await download(page, viewer);
	expect(file.name).toMatch(/^photobooth-\d{4}-\d{2}-\d{2}-\d{6}\.gif$/);
	const gif = readGif(new Uint8Array(await readFile(file.path)));
	expect(gif).toMatchObject({ width: 480, height: 270, frames: 6, loops: 0 });
	// 1.5 s over 6 frames: 250 ms each, in the GIF's hundredths of a second.
	expect(gif.delays).toEqual([25, 25, 25, 25, 25, 25]);
	// The fake camera's picture moves: frames a quarter of a second apart are not the same (the
	// same frame twice gives 0, the dither being ordered; 0.48 was seen at load 14, 2 or more idle).
	expect(meanDiff(gif.pixels[0], gif.pixels[5])).toBeGreaterThan(0.2);
});

test('Boomerang mode: a 3 s or longer MP4 whose frames run forward then back, and a GIF of it when asked; the clip plays in the viewer', async ({ page }) => {
	await seedSettings(page, { mode: 'boomerang', boomerangGif: true });
	await openCamera(page);
	await shutter(page).click();
	await expect(page.getByText('Recording Boomerang').first()).toBeAttached();
	await expect(page.getByText('Boomerang and GIF saved')).toBeAttached({ timeout: 60_000 });
	expect(await savedCount(page)).toBe(2);

	const viewer = await openNewest(page, /^Boomerang, 0:0\d, made /);
	const video = viewer.locator('video');
	await expect(video).toHaveAttribute('controls', '');
	// It loops by itself, silent: its time moves on.
	await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2);
	const file = await download(page, viewer);
	expect(file.name).toMatch(/\.mp4$/);
	const n = 22;
	if (videoReadersHere()) {
		const facts = await probeVideo(file.path);
		expect(facts).toMatchObject({ codec: 'h264', width: 720, height: 404 });
		expect(facts.duration).toBeGreaterThanOrEqual(3);

		// Forward then back: in each swing of n frames, frame k and frame 2(n-1)-k are the same
		// camera frame, while frames far apart in a swing differ.
		const frames = await greyFrames(file.path);
		expect(frames.length).toBeGreaterThanOrEqual(2 * (n - 1));
		const mirrored = [3, 8, 15].map((k) => meanDiff(frames[k], frames[2 * (n - 1) - k]));
		const apart = [3, 8, 15].map((k) => meanDiff(frames[k], frames[k + 6]));
		for (let i = 0; i < mirrored.length; i++) expect(mirrored[i]).toBeLessThan(apart[i]);
	}
	await page.keyboard.press('Escape');

	// The GIF made beside it: one swing, looping.
	const gifViewer = await openNewest(page, /^GIF, /);
	const gifFile = await download(page, gifViewer);
	const gif = readGif(new Uint8Array(await readFile(gifFile.path)));
	expect(gif).toMatchObject({ width: 480, height: 270, frames: 2 * (n - 1), loops: 0 });
});

test('Video mode: a timer runs while it records, Stop recording keeps the clip, and it plays in the viewer with its length', async ({ page }) => {
	await seedSettings(page, { mode: 'video', videoLimit: 30_000 });
	await openCamera(page);
	// Sound is off unless turned on: no microphone is asked for.
	await expect(page.getByRole('button', { name: 'Sound' })).toHaveAttribute('aria-pressed', 'false');
	await shutter(page).click();
	const timer = page.getByRole('timer');
	await expect(timer).toHaveText(/0:0\d \/ 0:30/);
	await expect(timer).toHaveText(/0:0[2-9] \/ 0:30/, { timeout: 10_000 });
	await page.getByRole('button', { name: 'Stop recording' }).click();
	await expect(page.getByText('Video saved')).toBeAttached({ timeout: 60_000 });
	expect(await savedCount(page)).toBe(1);

	// Stopped well before its 30 s limit (a loaded machine may take a while to click).
	const viewer = await openNewest(page, /^Video, 0:[01]\d, made /);
	const video = viewer.locator('video');
	await expect(video).toHaveAttribute('controls', '');
	// A video waits for Play.
	expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
	await video.evaluate((v: HTMLVideoElement) => v.play());
	await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
	const file = await download(page, viewer);
	if (videoReadersHere()) {
		const facts = await probeVideo(file.path);
		expect(facts).toMatchObject({ width: 720, height: 404 });
		expect(facts.duration).toBeGreaterThan(1.5);
		expect(facts.duration).toBeLessThan(20);
	}
});

test('Video mode stops by itself at the time limit, and with Sound on records the microphone too', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['camera', 'microphone'], { origin: baseURL });
	await seedSettings(page, { mode: 'video', videoLimit: 5000 });
	await openCamera(page);
	await page.getByRole('button', { name: 'Sound' }).click();
	await expect(page.getByRole('button', { name: 'Sound' })).toHaveAttribute('aria-pressed', 'true');
	await shutter(page).click();
	await expect(page.getByRole('timer')).toHaveText(/\/ 0:05/);
	await expect(page.getByText('Video saved')).toBeAttached({ timeout: 25_000 });
	// It stops at 5 s by the page's clock: a busy machine may run a timer a little late.
	const viewer = await openNewest(page, /^Video, 0:0[5-7], made /);
	const file = await download(page, viewer);
	if (videoReadersHere()) {
		const facts = await probeVideo(file.path);
		expect(facts.duration).toBeGreaterThan(4);
		expect(facts.duration).toBeLessThan(7);
		expect(facts.audio).toBe(true);
	}
});

test('Sound refused: it stays off and says how to allow the microphone; the video is still made', async ({ page }) => {
	// The context has the camera but was never given the microphone.
	await seedSettings(page, { mode: 'video', videoLimit: 5000 });
	await openCamera(page);
	await page.getByRole('button', { name: 'Sound' }).click();
	await expect(page.getByText(/The microphone is not allowed/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sound' })).toHaveAttribute('aria-pressed', 'false');
	await shutter(page).click();
	await expect(page.getByText('Video saved')).toBeAttached({ timeout: 25_000 });
});

test('Export and Back up carry GIFs and clips; Import brings them back whole, and takes a video file on its own', async ({ page }) => {
	await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
	await seedSettings(page, { mode: 'gif', gifFrames: 4, gifDuration: 1000 });
	await openCamera(page);
	await shutter(page).click();
	await expect(page.getByText('GIF saved')).toBeAttached({ timeout: 60_000 });
	await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Boomerang', exact: true }).click();
	await shutter(page).click();
	await expect(page.getByText('Boomerang saved')).toBeAttached({ timeout: 30_000 });
	await nav(page, 'Gallery').click();
	await expect(page.getByText('2 photos', { exact: true })).toBeVisible();

	// Export: the files as they are, named for their kind.
	const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	const files = await unzip(new Uint8Array(await readFile(await exported.path())));
	const names = [...files.keys()].sort();
	expect(names.map((n) => n.split('.').pop())).toEqual(['gif', 'mp4']);
	expect(readGif(files.get(names[0])!).frames).toBe(4);

	// Back up, lose everything, Import: both come back as what they were.
	const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up' }).click()]);
	const backupBytes = await readFile(await backup.path());
	const manifest = JSON.parse(new TextDecoder().decode((await unzip(new Uint8Array(backupBytes))).get('manifest.json')));
	expect(manifest.photos.map((p: { motion?: { kind: string } }) => p.motion?.kind).sort()).toEqual(['boomerang', 'gif']);
	await clearAllPhotos(page);
	await page.reload();
	await expect(page.getByText('0 photos', { exact: true })).toBeVisible();
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: backup.suggestedFilename(), mimeType: 'application/zip', buffer: backupBytes });
	await expect(page.getByRole('status').filter({ hasText: 'Imported 2 photos' })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('list').getByRole('img', { name: /^GIF, 0:01, made / })).toBeVisible();
	const viewer = await openNewest(page, /^Boomerang, 0:0\d, made /);
	await expect.poll(() => viewer.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2);
	await page.keyboard.press('Escape');

	// A video file on its own: measured by the browser's player, its first frame its thumbnail.
	const mp4 = files.get(names[1])!;
	await clearAllPhotos(page);
	await page.reload();
	const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await again.setFiles({ name: 'party.mp4', mimeType: 'video/mp4', buffer: Buffer.from(mp4) });
	await expect(page.getByRole('status').filter({ hasText: 'Imported 1 photo' })).toBeVisible({ timeout: 20_000 });
	const tile = page.getByRole('list').getByRole('img', { name: /^Video, 0:0\d, made / });
	await expect.poll(() => tile.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
});

test('storage running out while a video records stops it in time, keeps what was recorded and says so', async ({ page }) => {
	// The browser says there is room for only a few seconds more than the margin the booth keeps.
	await page.addInitScript(() => {
		const estimate = navigator.storage.estimate.bind(navigator.storage);
		navigator.storage.estimate = async () => {
			const real = await estimate();
			return { ...real, quota: (real.usage ?? 0) + 24 * 1024 * 1024 + 1024 * 1024 };
		};
	});
	await seedSettings(page, { mode: 'video', videoLimit: 30_000 });
	await openCamera(page);
	await shutter(page).click();
	await expect(page.getByText(/Storage is nearly full: the video stopped at 0:0\d and what was recorded is kept/)).toBeVisible({ timeout: 20_000 });
	await expect(page.getByText('Video saved')).toBeAttached({ timeout: 60_000 });
	expect(await savedCount(page)).toBe(1);
});

test('a GIF is drawn as the photo would be: the effect on every frame, and the strips’ overlay over it', async ({ page }) => {
	await seedSettings(page, { mode: 'gif', gifFrames: 4, gifDuration: 1000, effect: 'sepia' });
	await page.goto('/settings');
	const png = await frameOverlay(page);
	await page.locator('input[type="file"][accept="image/png"]').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByText('frame.png, drawn over every strip, GIF, boomerang and video.')).toBeVisible();
	await nav(page, 'Camera').click();
	await expect(shutter(page)).toBeEnabled();
	await shutter(page).click();
	await expect(page.getByText('GIF saved')).toBeAttached({ timeout: 60_000 });
	const viewer = await openNewest(page, /^GIF, /);
	const gif = readGif(new Uint8Array(await readFile((await download(page, viewer)).path)));
	const at = (frame: number, x: number, y: number) => [...gif.pixels[frame].subarray((y * gif.width + x) * 4, (y * gif.width + x) * 4 + 3)];
	for (let f = 0; f < gif.frames; f++) {
		// The overlay's opaque red band (150 of 1200 px: 60 of 480) along the edge.
		const [r, g, b] = at(f, 10, 10);
		expect(r).toBeGreaterThan(200);
		expect(g + b).toBeLessThan(80);
		// Inside it the fake camera's green, toned by Sepia: red comes up near green, blue stays under both.
		const [cr, cg, cb] = at(f, 30 + Math.round(gif.width / 2) - 30, 100);
		expect(cr).toBeGreaterThan(60);
		expect(cr).toBeGreaterThan(cb);
		expect(cg).toBeGreaterThan(cb);
	}
});

test('a browser that cannot encode video says so before a boomerang is recorded, and nothing is half-made', async ({ page }) => {
	await page.addInitScript(() => delete (window as { VideoEncoder?: unknown }).VideoEncoder);
	await seedSettings(page, { mode: 'boomerang' });
	await openCamera(page);
	await shutter(page).click();
	await expect(page.getByText(/Boomerangs need a browser that can encode video .* GIF mode works here\./)).toBeVisible();
	await expect(page.getByText('Recording Boomerang')).toHaveCount(0);
	expect(await savedCount(page)).toBe(0);
	await expect(shutter(page)).toBeEnabled();
});
