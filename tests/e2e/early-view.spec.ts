import { test, expect, openCamera, expectLivePreview } from './fixtures';

// app.html asks for the camera before the app has loaded and shows it at once in a <video> of
// its own (the early view), where the viewfinder will be, until the app's preview has a frame.

test('the camera shows before the app has loaded, mirrored, and gives way to the preview', async ({ page }) => {
	await page.addInitScript(() => {
		const seen: { shown?: number; gone?: number; transform?: string; hidden?: string | null; pointer?: string } = {};
		(window as unknown as { __earlyView: typeof seen }).__earlyView = seen;
		new MutationObserver(() => {
			const v = document.getElementById('early-view');
			if (v && seen.shown === undefined) {
				seen.shown = performance.now();
				seen.transform = v.style.transform;
				seen.hidden = v.getAttribute('aria-hidden');
				seen.pointer = v.style.pointerEvents;
			}
			if (!v && seen.shown !== undefined && seen.gone === undefined) seen.gone = performance.now();
		}).observe(document, { childList: true, subtree: true });
	});
	await openCamera(page);
	await expectLivePreview(page);
	// A second visit: the camera is remembered, as a guest's tablet has it all evening.
	await page.reload();
	await expectLivePreview(page);
	await expect(page.locator('#early-view')).toHaveCount(0);
	const seen = await page.evaluate(() => (window as unknown as { __earlyView: Record<string, unknown> }).__earlyView);
	expect(seen.shown, 'the early view was shown').toBeDefined();
	expect(seen.gone, 'and taken away').toBeDefined();
	// Mirrored like the preview (a camera that faces the person), hidden from assistive
	// technology (the preview is the one they meet), and never in the way of a tap.
	expect(seen.transform).toBe('scaleX(-1)');
	expect(seen.hidden).toBe('true');
	expect(seen.pointer).toBe('none');
	// One preview on the page: the app's, with the same camera.
	await expect(page.locator('video')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeEnabled();
});

test('the early view is not shown on other pages, nor when the preview is not mirrored', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mirrorPreview: false }));
			sessionStorage.setItem('seeded', '1');
		}
		new MutationObserver(() => {
			const v = document.getElementById('early-view');
			if (v) (window as unknown as { __transform: string }).__transform ??= v.style.transform;
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto('/gallery');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('#early-view')).toHaveCount(0);
	await page.goto('/');
	await expectLivePreview(page);
	const transform = await page.evaluate(() => (window as unknown as { __transform?: string }).__transform);
	// Shown, unmirrored, or not shown at all (the app's own preview came first).
	expect(transform ?? '').toBe('');
});

test('a camera stopped while it is still coming is not shown over the page', async ({ page }) => {
	// A camera slow to open: the app renders first (it waits 600 ms at most for the early view),
	// and the person stops it before it comes.
	await page.addInitScript(() => {
		const md = navigator.mediaDevices;
		const ask = md.getUserMedia.bind(md);
		md.getUserMedia = (c) => new Promise((r) => setTimeout(r, 2500)).then(() => ask(c));
	});
	await page.goto('/');
	await page.getByRole('button', { name: 'Stop camera', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Start camera', exact: true })).toBeVisible();
	// Past the moment the stream came: nothing over the page, and the camera is off.
	await page.waitForTimeout(3500);
	await expect(page.locator('#early-view')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Start camera', exact: true })).toBeVisible();
	expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(1);
});
