import { expect, expectLivePreview, savedCount, test } from './fixtures';
import { enterPin, PIN, startEvent } from './event-helpers';
import { violations } from './axe';
import { storedItems } from './strips';

/**
 * Event mode: the host starts it in Settings with a PIN; guests get one big shutter, Keep and
 * Retake, and nothing else; Settings, the gallery and leaving need the PIN.
 */

test('the host starts event mode with a PIN; a guest shoots, retakes and keeps; nothing else is in reach', async ({ page }) => {
	test.slow(); // axe on four screens
	await startEvent(page);
	await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __wakeLocks: number }).__wakeLocks)).toBeGreaterThan(0);
	expect(await violations(page), 'the attract screen').toEqual([]);

	await page.getByRole('button', { name: 'Tap to start' }).click();
	await expectLivePreview(page);
	const shutter = page.getByRole('button', { name: 'Take photo' });
	await expect(shutter).toBeEnabled();
	expect(await violations(page), 'the shutter screen').toEqual([]);
	await shutter.click();
	await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible();
	await expect(page.getByRole('img', { name: /^Photo taken/ })).toBeVisible();
	expect(await violations(page), 'the result').toEqual([]);
	const first = await storedItems(page);
	expect(first).toHaveLength(1);
	expect(first[0]).toHaveProperty('event');

	// Retake deletes that result and goes back to the shutter.
	await page.getByRole('button', { name: 'Retake' }).click();
	await expect(shutter).toBeVisible();
	await expect.poll(() => savedCount(page)).toBe(0);

	await expect(shutter).toBeEnabled();
	await shutter.click();
	await page.getByRole('button', { name: 'Keep' }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
	await page.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();

	// The guest gallery: this event's results, read-only.
	await page.getByRole('button', { name: 'Photos (1)' }).click();
	const gallery = page.getByRole('dialog', { name: "This event's photos" });
	await expect(gallery.getByRole('button', { name: /^Open Photo taken/ })).toHaveCount(1);
	await expect(gallery.getByRole('button', { name: /Delete|Share|Export|Download/ })).toHaveCount(0);
	expect(await violations(page), 'the guest gallery').toEqual([]);
	await gallery.getByRole('button', { name: 'Close' }).click();

	// A reload (or a guest closing the app) comes back locked.
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('Settings, the gallery and Exit need the PIN; wrong PINs are refused, then rate-limited', async ({ page }) => {
	test.slow();
	await startEvent(page);
	await page.goto('/settings');
	await enterPin(page, '1111');
	await expect(page.getByRole('alert').filter({ hasText: 'Wrong PIN' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toHaveCount(0);
	expect(await violations(page), 'the PIN pad').toEqual([]);
	await enterPin(page, PIN);
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	await expect(page.getByText('Test party is running')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the event' }).first().click();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();

	// The gallery, reached by its address, asks too.
	await page.goto('/gallery');
	await expect(page.getByRole('dialog', { name: 'Enter PIN' })).toBeVisible();
	await page.getByRole('dialog', { name: 'Enter PIN' }).getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { name: 'Gallery' })).toHaveCount(0);

	// Esc opens the PIN pad; three wrong PINs make it wait.
	await page.keyboard.press('Escape');
	for (const wrong of ['0000', '1234', '9999']) await enterPin(page, wrong);
	await expect(page.getByRole('alert').filter({ hasText: 'Too many tries' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'PIN' })).toBeDisabled();
	// The wait outlives a reload.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('alert').filter({ hasText: 'Too many tries' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'PIN' })).toBeDisabled();
	// Once the wait is over (moved on here, rather than waited for), the right PIN opens the host menu.
	await page.evaluate(() => {
		const e = JSON.parse(localStorage.getItem('photobooth.event')!);
		localStorage.setItem('photobooth.event', JSON.stringify({ ...e, lockedUntil: Date.now() - 1 }));
	});
	await page.reload();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await page.keyboard.press('Escape');
	await enterPin(page, PIN);
	const menu = page.getByRole('dialog', { name: 'Host' });
	await expect(menu).toBeVisible();
	expect(await violations(page), 'the host menu').toEqual([]);
	await menu.getByRole('button', { name: 'Exit event mode' }).click();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('after the idle time the booth goes back to its attract screen, keeping a result not chosen', async ({ page }) => {
	test.slow();
	await startEvent(page, { idle: 10 });
	await page.getByRole('button', { name: 'Tap to start' }).click();
	await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
	await page.getByRole('button', { name: 'Take photo' }).click();
	await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible({ timeout: 20_000 });
	expect(await savedCount(page)).toBe(1);
	// Idle on the attract screen too: the slideshow of the evening shows.
	await expect(page.getByRole('img', { name: "This event's photos" })).toBeVisible({ timeout: 20_000 });
	// A host who walks away from the Host menu leaves it locked: it closes after the idle time.
	await page.keyboard.press('Escape');
	await enterPin(page, PIN);
	await expect(page.getByRole('dialog', { name: 'Host' })).toBeVisible();
	await expect(page.getByRole('dialog', { name: 'Host' })).toBeHidden({ timeout: 20_000 });
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
});

test('a clicker key and a gamepad button shoot', async ({ page }) => {
	await startEvent(page);
	// A presentation clicker sends PageDown: start, shoot, keep, done.
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible();
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('button', { name: 'Done' })).toBeVisible();
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await expect.poll(() => savedCount(page)).toBe(1);

	// An arcade button on a gamepad: connected, then pressed and released for each step.
	const press = async () => {
		await page.evaluate(() => {
			const w = window as unknown as { __pad: { buttons: { pressed: boolean }[] } };
			w.__pad.buttons[0].pressed = true;
		});
		await page.waitForTimeout(150);
		await page.evaluate(() => {
			const w = window as unknown as { __pad: { buttons: { pressed: boolean }[] } };
			w.__pad.buttons[0].pressed = false;
		});
		await page.waitForTimeout(150);
	};
	await page.evaluate(() => {
		(window as unknown as { __padOn: boolean }).__padOn = true;
		window.dispatchEvent(new Event('gamepadconnected'));
	});
	await press();
	await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
	await press();
	await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible();
	await expect.poll(() => savedCount(page)).toBe(2);
});

test('printing: copies per print on pages of the print size, counted, and refused past the limit', async ({ page }) => {
	await startEvent(page, { printing: { copies: 2, limit: 3 } });
	const guest = async () => {
		await page.getByRole('button', { name: 'Tap to start' }).click();
		await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
		await page.getByRole('button', { name: 'Take photo' }).click();
		await page.getByRole('button', { name: 'Keep' }).click();
		await page.getByRole('button', { name: 'Print' }).click();
	};
	await guest();
	await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
	const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
	const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
	expect(pages).toHaveLength(2);
	// A landscape photo on 6 x 4 in, 72 points an inch.
	expect(boxes).toEqual([
		[432, 288],
		[432, 288]
	]);
	await page.getByRole('button', { name: 'Done' }).click();

	// Two more copies would pass the limit of 3: refused, with words for the guest.
	await guest();
	await expect(page.getByText(/used all its prints/)).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);

	await page.keyboard.press('Escape');
	await enterPin(page, PIN);
	await expect(page.getByRole('dialog', { name: 'Host' }).getByText('2 of 3')).toBeVisible();
});

test("the gallery groups an event's photos under its name and exports them as one ZIP", async ({ page }) => {
	await startEvent(page, { name: 'Garden party' });
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: 'Tap to start' }).click();
		await expect(page.getByRole('button', { name: 'Take photo' })).toBeEnabled();
		await page.getByRole('button', { name: 'Take photo' }).click();
		await page.getByRole('button', { name: 'Keep' }).click();
		await page.getByRole('button', { name: 'Done' }).click();
	}
	await page.keyboard.press('Escape');
	await enterPin(page, PIN);
	await page.getByRole('dialog', { name: 'Host' }).getByRole('button', { name: 'Exit event mode' }).click();
	// One photo outside the event.
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page)).toBe(3);

	await page.getByRole('link', { name: 'Gallery' }).click();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	await page.getByRole('combobox', { name: 'Event' }).selectOption({ label: 'Garden party' });
	await expect(page.getByText('2 photos at Garden party')).toBeVisible();
	expect(await violations(page), 'the gallery with an event chosen').toEqual([]);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export' }).click();
	const zip = await download;
	expect(zip.suggestedFilename()).toMatch(/^photobooth-Garden-party-.*\.zip$/);
});

test('a strip event: guests get the strip; Retake deletes it and its shots; the screen is kept on again when shown again', async ({ page }) => {
	test.slow();
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, stripLayout: 'strip-2x6', stripShots: 3 }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await startEvent(page, { name: 'Strip night', mode: 'Strip' });
	await page.getByRole('button', { name: 'Tap to start' }).click();
	await expect(page.getByRole('button', { name: 'Take strip' })).toBeEnabled();
	await page.getByRole('button', { name: 'Take strip' }).click();
	await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('img', { name: /^Strip/ })).toBeVisible();
	const items = await storedItems(page);
	expect(items).toHaveLength(4);
	expect(items.every((m) => (m as { event?: string }).event === (items[0] as { event?: string }).event)).toBe(true);
	// A strip without a caption of its own carries the event's name.
	expect(items.find((m) => m.kind === 'strip')?.strip?.design.caption).toBe('Strip night');
	await page.getByRole('button', { name: 'Retake' }).click();
	await expect.poll(() => savedCount(page)).toBe(0);
	await expect(page.getByRole('button', { name: 'Take strip' })).toBeVisible();

	// The browser drops the wake lock while the page is hidden; shown again, the booth takes it again.
	const before = await page.evaluate(() => (window as unknown as { __wakeLocks: number }).__wakeLocks);
	await page.evaluate(async () => {
		await (window as unknown as { __wakeLock: { release(): Promise<void> } }).__wakeLock.release();
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect.poll(() => page.evaluate(() => (window as unknown as { __wakeLocks: number }).__wakeLocks)).toBe(before + 1);
});

test('all evening: a lost camera and a sleep (the page hidden, then shown) both come back by themselves', async ({ page }) => {
	test.slow();
	await startEvent(page);
	await page.getByRole('button', { name: 'Tap to start' }).click();
	const shutter = page.getByRole('button', { name: 'Take photo' });
	await expect(shutter).toBeEnabled();
	await page.evaluate(() => {
		const t = (document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')!.srcObject as MediaStream).getVideoTracks()[0];
		t.stop();
		t.dispatchEvent(new Event('ended'));
	});
	await expect(page.getByRole('alert').getByRole('heading', { name: 'The camera stopped' })).toBeVisible();
	await expect(shutter).toBeDisabled();
	await expect(page.getByRole('alert')).toBeHidden({ timeout: 15_000 });
	await expect(shutter).toBeEnabled();

	// A tablet's sleep: the page is hidden (the camera is let go), then shown again.
	const visibility = (state: 'hidden' | 'visible') =>
		page.evaluate((s) => {
			Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
			Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		}, state);
	await visibility('hidden');
	await expect.poll(() => page.evaluate(() => !!(document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')?.srcObject as MediaStream | null)?.active)).toBe(false);
	await visibility('visible');
	await expectLivePreview(page);
	await expect(shutter).toBeEnabled();
	await shutter.click();
	await page.getByRole('button', { name: 'Keep' }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
});
