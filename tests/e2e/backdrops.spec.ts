import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';
import { test, expect, openCamera, expectLivePreview, savedCount, nav } from './fixtures';
import { readGif } from './media-tools';
import { violations } from './axe';
import { pickEffect, previewGrid } from './effect-pixels';
import {
	PINK,
	TEAL,
	openEffects,
	pickBackdrop,
	shoot,
	measureStored,
	measureInViewer,
	expectCornersNear,
	expectFaceNotNear,
	maxDiff,
	spread,
	level,
	solidPng,
	storedSettings
} from './backdrop-pixels';

// This project's camera films a person (tests/e2e/paths.ts: PERSON_VIDEO_FILE): a head and
// shoulders in the middle of a light wall. The segmentation model finds the person and not the
// wall, so a backdrop replaces the corners and keeps the face.

const BACKDROPS = ['None', 'Blur', 'White', 'Black', 'Pink', 'Yellow', 'Teal', 'Purple', 'Sunset', 'Night sky', 'Confetti', 'Your photo'];

/** First visit online, then wait until the service worker controls the page (as offline.spec.ts). */
async function visitOnceOnline(page: Page): Promise<void> {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
}

test('a colour backdrop replaces the wall and keeps the person, in the preview and the photo, and is remembered', async ({ page }) => {
	test.slow(); // the segmentation model loads in this test
	await openCamera(page);
	const dialog = await openEffects(page);
	const group = dialog.getByRole('group', { name: 'Backdrop' });
	for (const name of BACKDROPS)
		await expect(group.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', name === 'None' ? 'true' : 'false');
	expect(await violations(page), 'effects dialog with its backdrops').toEqual([]);
	await group.getByRole('button', { name: 'Pink', exact: true }).click();
	await expect(dialog).toBeHidden();

	// Shot at once, very likely before the model is ready: the still waits for it.
	await shoot(page);

	// The live preview shows it too, on the effect canvas: the wall's cells near the corners are
	// pink, the face's are not.
	await expect(page.locator('canvas.fx')).toBeVisible();
	await expect(async () => {
		const shown = await previewGrid(page);
		for (const [x, y] of [[1, 1], [14, 1], [1, 14], [14, 14]]) expect(maxDiff(shown[y * 16 + x], PINK), `preview cell ${x},${y}`).toBeLessThanOrEqual(30);
		for (const [x, y] of [[7, 6], [8, 6]]) expect(maxDiff(shown[y * 16 + x], PINK), `preview face cell ${x},${y}`).toBeGreaterThan(60);
	}).toPass({ timeout: 30_000 });

	const photo = await measureInViewer(page);
	expectCornersNear(photo, PINK);
	expectFaceNotNear(photo, PINK);

	// Remembered: a new visit to the camera has it chosen.
	expect(await storedSettings(page)).toMatchObject({ backdrop: 'pink' });
	await page.goto('/');
	const again = await openEffects(page);
	await expect(again.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name: 'Pink', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(again.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name: 'None', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('backdrops work offline from the first visit: the model and its runtime come from the precache, and nothing leaves the app', async ({ page, context, baseURL }) => {
	test.slow();
	const app = new URL(baseURL!).origin;
	const requests: string[] = [];
	// Every request of the page, its workers and the service worker, for the whole test.
	context.on('request', (r: Request) => requests.push(r.url()));

	await visitOnceOnline(page);
	await context.setOffline(true);
	const offlineFrom = requests.length;
	await page.reload();
	await expectLivePreview(page);
	await pickBackdrop(page, 'Teal');
	await shoot(page);
	const photo = await measureInViewer(page);
	expectCornersNear(photo, TEAL);
	expectFaceNotNear(photo, TEAL);

	// The recorder sees the workers' requests: the model was fetched, offline, and came from the cache.
	expect(requests.slice(offlineFrom).some((url) => /\.tflite([?#]|$)/.test(url)), 'the model loaded after going offline').toBe(true);
	const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== app);
	expect(elsewhere, 'requests to another origin').toEqual([]);
});

test('Blur softens the wall and leaves the face sharp', async ({ page }) => {
	test.slow();
	await openCamera(page);
	// No backdrop yet: the photo as the camera sees it.
	await shoot(page);
	const plain = await measureStored(page);
	await pickBackdrop(page, 'Blur');
	await shoot(page);
	const blurred = await measureStored(page);
	expect([blurred.width, blurred.height]).toEqual([plain.width, plain.height]);

	// The wall's corners carry fine lines: sharp without a backdrop (the test sees them), then lost.
	expect(plain.sharpness.corners, 'the wall is textured where it is measured').toBeGreaterThan(50);
	expect(blurred.sharpness.corners, `corners: ${blurred.sharpness.corners} blurred, ${plain.sharpness.corners} plain`).toBeLessThan(
		0.5 * plain.sharpness.corners
	);
	expect(blurred.sharpness.face, `face: ${blurred.sharpness.face} blurred, ${plain.sharpness.face} plain`).toBeGreaterThan(
		0.6 * plain.sharpness.face
	);
	// And it is the camera's wall, blurred: no colour backdrop.
	for (const [i, c] of blurred.corners.entries()) expect(maxDiff(c, plain.corners[i]), `corner ${i}`).toBeLessThanOrEqual(30);
});

test('Your photo: a gallery photo becomes the backdrop', async ({ page }) => {
	test.slow();
	await openCamera(page);
	// A photo with pink corners (and the person in the middle) to use as a backdrop.
	await pickBackdrop(page, 'Pink');
	await shoot(page);
	expectCornersNear(await measureStored(page), PINK);
	// Back to no backdrop: a shot now has the wall again, so pink corners later come from the photo.
	await pickBackdrop(page, 'None');

	const dialog = await openEffects(page);
	await dialog.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name: 'Your photo', exact: true }).click();
	// It stays open, with the gallery's latest photos to choose from.
	const photos = dialog.getByRole('group', { name: 'Backdrop photos' });
	await expect(photos).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Import an image' })).toBeVisible();
	expect(await violations(page), 'effects dialog with the backdrop photos').toEqual([]);
	await photos.getByRole('button', { name: /^(?!Import an image$)/ }).first().click();
	await expect(dialog).toBeHidden();

	await shoot(page);
	const photo = await measureStored(page);
	expectCornersNear(photo, PINK);
	expectFaceNotNear(photo, PINK);

	expect(await storedSettings(page)).toMatchObject({ backdrop: 'photo', backdropPhoto: expect.any(String) });
	const again = await openEffects(page);
	await expect(again.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name: 'Your photo', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('Your photo: an imported image is kept in the gallery and becomes the backdrop', async ({ page }) => {
	test.slow();
	await openCamera(page);
	const green = '#33cc66';
	const png = await solidPng(page, green);
	const dialog = await openEffects(page);
	await dialog.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name: 'Your photo', exact: true }).click();
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Import an image' }).click()]);
	await chooser.setFiles({ name: 'backdrop.png', mimeType: 'image/png', buffer: png });
	await expect(dialog).toBeHidden();
	await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBe(1);

	await shoot(page);
	const photo = await measureStored(page);
	expectCornersNear(photo, [0x33, 0xcc, 0x66]);
	expectFaceNotNear(photo, [0x33, 0xcc, 0x66]);
	expect(await storedSettings(page)).toMatchObject({ backdrop: 'photo', backdropPhoto: expect.any(String) });
});

test('a colour effect applies to the backdrop too: Pink with Black & white is grey', async ({ page }) => {
	test.slow();
	await openCamera(page);
	// Black & white alone first: the wall's grey, and the person's.
	await pickEffect(page, 'Black & white');
	await shoot(page);
	const bw = await measureStored(page);
	await pickBackdrop(page, 'Pink');
	await shoot(page);
	const both = await measureStored(page);

	for (const [i, c] of both.corners.entries()) {
		expect(spread(c), `corner ${i} is grey`).toBeLessThanOrEqual(12);
		// Pink's grey (about 120-165, whatever the weights) is darker than the light wall's.
		expect(Math.abs(level(c) - level(bw.corners[i])), `corner ${i} is the backdrop, not the wall`).toBeGreaterThan(25);
	}
	expectFaceNotNear(both, PINK);
	// The person is as Black & white alone has them.
	expect(maxDiff(both.face, bw.face), 'the face').toBeLessThanOrEqual(25);
});

test('a GIF with a backdrop has it on every frame, the first clip too, with no countdown to load the model in', async ({ page }) => {
	test.slow();
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'gif', gifFrames: 6, gifDuration: 1500, countdown: 0, backdrop: 'pink' }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openCamera(page);
	// Pressed at once: the clip worker loads the model first, and the frames wait for it.
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect(page.getByText('GIF saved')).toBeAttached({ timeout: 60_000 });

	await nav(page, 'Gallery').click();
	await page.getByRole('list').getByRole('img', { name: /^GIF/ }).first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	const [file] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('button', { name: 'Download' }).click()]);
	const gif = readGif(new Uint8Array(await readFile(await file.path())));
	expect(gif.frames).toBe(6);
	/** The mean colour of a patch a tenth of the picture across, centred at (fx, fy). */
	const patch = (rgba: Uint8Array, fx: number, fy: number): number[] => {
		const r = Math.round(gif.width / 20);
		const cx = Math.round(fx * gif.width);
		const cy = Math.round(fy * gif.height);
		const sum = [0, 0, 0];
		let n = 0;
		for (let y = Math.max(0, cy - r); y < Math.min(gif.height, cy + r); y++)
			for (let x = Math.max(0, cx - r); x < Math.min(gif.width, cx + r); x++, n++)
				for (let c = 0; c < 3; c++) sum[c] += rgba[(y * gif.width + x) * 4 + c];
		return sum.map((s) => s / n);
	};
	gif.pixels.forEach((rgba, i) => {
		for (const [fx, fy] of [[0.06, 0.08], [0.94, 0.08], [0.06, 0.92], [0.94, 0.92]])
			expect(maxDiff(patch(rgba, fx, fy), PINK), `frame ${i}, corner ${fx},${fy}`).toBeLessThanOrEqual(40);
		expect(maxDiff(patch(rgba, 0.5, 0.4), PINK), `frame ${i}, face`).toBeGreaterThan(60);
	});
});
