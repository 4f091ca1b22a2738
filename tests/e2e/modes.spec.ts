import { test, expect, openCamera, savedCount, nav } from './fixtures';
import { readFile } from 'node:fs/promises';
import { unzip } from './zip';

const modes = (page: import('@playwright/test').Page) => page.getByRole('radiogroup', { name: 'Mode' });

test('the mode switch lists the modes, is keyboard-reachable and remembered across visits', async ({ page }) => {
	await openCamera(page);
	const group = modes(page);
	await expect(group.getByRole('radio')).toHaveCount(6);
	await expect(group.getByRole('radio', { name: 'Strip', exact: true })).toBeVisible();
	await expect(group.getByRole('radio', { name: 'Photo', exact: true })).toBeChecked();
	await expect(group.getByRole('radio', { name: 'Burst', exact: true })).not.toBeChecked();

	// Keyboard: Tab reaches the group, the arrow keys move the choice.
	await group.getByRole('radio', { name: 'Photo', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(group.getByRole('radio', { name: 'Burst', exact: true })).toBeChecked();
	// Space on a focused mode is the mode's, not the shutter's.
	await page.keyboard.press(' ');
	await page.waitForTimeout(300);
	expect(await savedCount(page)).toBe(0);

	await page.reload();
	await expect(modes(page).getByRole('radio', { name: 'Burst', exact: true })).toBeChecked();
	await nav(page, 'Settings').click();
	await expect(page.getByRole('combobox', { name: /^Capture mode/ })).toHaveValue('burst');
	await page.getByRole('combobox', { name: /^Capture mode/ }).selectOption('photo');
	await nav(page, 'Camera').click();
	await expect(modes(page).getByRole('radio', { name: 'Photo', exact: true })).toBeChecked();
});

test('B selects Burst and again goes back to Photo; P selects Photo; the help lists both', async ({ page }) => {
	await openCamera(page);
	const group = modes(page);
	await page.keyboard.press('b');
	await expect(group.getByRole('radio', { name: 'Burst', exact: true })).toBeChecked();
	await page.keyboard.press('b');
	await expect(group.getByRole('radio', { name: 'Photo', exact: true })).toBeChecked();
	await page.keyboard.press('B');
	await expect(group.getByRole('radio', { name: 'Burst', exact: true })).toBeChecked();
	await page.keyboard.press('p');
	await expect(group.getByRole('radio', { name: 'Photo', exact: true })).toBeChecked();

	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help.getByText('Burst mode', { exact: false })).toBeVisible();
	await expect(help.getByText('Photo mode', { exact: true })).toBeVisible();
	await expect(help.locator('kbd', { hasText: /^B$/ })).toBeVisible();
});

test('Burst takes the set number of photos with one press; the mode cannot change mid-press', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'burst', burstCount: 2, burstInterval: 5000 }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect(page.getByText('1 of 2').first()).toBeVisible();
	await expect(modes(page).getByRole('radio', { name: 'Photo', exact: true })).toBeDisabled();
	await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(2);
	await expect(page.getByText('2 photos saved')).toBeAttached();
	await expect(modes(page).getByRole('radio', { name: 'Photo', exact: true })).toBeEnabled();
});

test('a burst counts a shot as saved only once it is stored, and leaving before the last is stored asks first', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			// 400 ms apart: long enough for the screen to be read several times mid-burst.
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'burst', burstCount: 10, burstInterval: 400 }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openCamera(page);
	// Storage held busy for a moment (a transaction of the test's own that the app's writes wait
	// behind), so that a shot is surely taken and not yet stored when the tab is closed: a shot
	// is stored within a few tens of ms here, and the close would otherwise race it.
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('photobooth');
				req.onsuccess = () => {
					const store = req.result.transaction('photos', 'readwrite').objectStore('photos');
					const spin = () => {
						if (!(window as { __release?: boolean }).__release) store.get('none').onsuccess = spin;
					};
					spin();
					resolve();
				};
			})
	);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	const progress = page.getByText(/^\d+ of 10 · \d+ saved$/);
	await expect(progress).toBeVisible();

	// Closing the tab mid-burst: the browser asks first (the shots taken are not all stored yet).
	const asked = page.waitForEvent('dialog');
	await page.close({ runBeforeUnload: true });
	const dialog = await asked;
	expect(dialog.type()).toBe('beforeunload');
	await dialog.dismiss();
	expect(page.isClosed()).toBe(false);
	await page.evaluate(() => ((window as { __release?: boolean }).__release = true));

	// Whatever the screen says is saved is in the database at that moment (the count only grows).
	// Read until the burst is over (the text may be away a moment between shots).
	const seen: string[] = [];
	const until = Date.now() + 20_000;
	while (Date.now() < until) {
		const text = await progress.textContent({ timeout: 200 }).catch(() => null);
		if (text === null) {
			if ((await savedCount(page)) >= 10) break;
			continue;
		}
		const claimed = Number(/(\d+) saved/.exec(text)![1]);
		expect(await savedCount(page), `the screen said "${text}"`).toBeGreaterThanOrEqual(claimed);
		seen.push(text);
	}
	expect(seen.length).toBeGreaterThan(2);
	await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBe(10);
	await expect(page.getByText('10 photos saved')).toBeAttached();

	// Once all are stored the page goes without asking.
	let askedAgain = false;
	page.on('dialog', (d) => ((askedAgain = true), void d.dismiss()));
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => page.isClosed()).toBe(true);
	expect(askedAgain).toBe(false);
});

test('a burst of 10 at its fastest, exported, is ten different pictures: no frame saved twice', async ({ page }) => {
	await page.addInitScript(() => {
		delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'burst', burstCount: 10, burstInterval: 200 }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBe(10);
	await page.goto('/gallery');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
	const files = [...(await unzip(await readFile(await download.path()))).values()];
	expect(files).toHaveLength(10);
	// Decoded as another app would, and compared pixel for pixel (not byte for byte).
	const pictures = await page.evaluate(async (list) => {
		const out: string[] = [];
		for (const b64 of list) {
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes]));
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0);
			const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
			const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels));
			out.push(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
		}
		return out;
	}, files.map((f) => Buffer.from(f).toString('base64')));
	expect(new Set(pictures).size).toBe(10);
});
