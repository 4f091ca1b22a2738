import type { Page } from '@playwright/test';
import { test, expect, openCamera, savedCount, nav } from './fixtures';

async function withSettings(page: Page, values: Record<string, unknown>) {
	await page.addInitScript((v) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 2, ...v }));
			sessionStorage.setItem('seeded', '1');
		}
	}, values);
}

test('T sets a countdown: big numbers, announced, then one photo', async ({ page }) => {
	await openCamera(page);
	await page.keyboard.press('t');
	const toggle = page.getByRole('button', { name: 'Countdown: 3 seconds' });
	await expect(toggle).toBeVisible();
	// Record what the assertive live region says, however slow this machine is.
	await page.evaluate(() => {
		const spoken: string[] = ((window as unknown as { __spoken: string[] }).__spoken = []);
		const region = document.querySelector('[aria-live="assertive"]')!;
		new MutationObserver(() => {
			const text = region.textContent?.trim();
			if (text && spoken.at(-1) !== text) spoken.push(text);
		}).observe(region, { childList: true, characterData: true, subtree: true });
	});
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	// The numbers count down on screen (big) and for screen readers.
	await expect(page.locator('.countdown')).toBeVisible();
	expect(await savedCount(page)).toBe(0);
	await expect.poll(() => savedCount(page), { timeout: 8000 }).toBe(1);
	expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual(['3', '2', '1']);
	await page.waitForTimeout(300);
	expect(await savedCount(page)).toBe(1);
	// T cycles on: 5, 10, then off.
	await page.keyboard.press('t');
	await expect(page.getByRole('button', { name: 'Countdown: 5 seconds' })).toBeVisible();
	await page.keyboard.press('t');
	await page.keyboard.press('t');
	await expect(page.getByRole('button', { name: 'Countdown: off' })).toBeVisible();
});

test('Esc cancels a countdown: no photo is taken', async ({ page }) => {
	// Five seconds, not three: on a loaded machine the key press can come seconds after the click.
	await withSettings(page, { countdown: 5 });
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
	await page.waitForTimeout(5500);
	expect(await savedCount(page)).toBe(0);
});

test('a burst takes the set number of photos, each saved, with "n of N" progress', async ({ page }) => {
	await withSettings(page, { burst: true, burstCount: 3, burstInterval: 600 });
	await openCamera(page);
	// A burst turned on before modes existed is the Burst mode now.
	await expect(page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Burst' })).toBeChecked();
	// Record what the assertive live region says: on a loaded machine a poll can miss a step.
	await page.evaluate(() => {
		const spoken: string[] = ((window as unknown as { __spoken: string[] }).__spoken = []);
		const region = document.querySelector('[aria-live="assertive"]')!;
		new MutationObserver(() => {
			const text = region.textContent?.trim();
			if (text && spoken.at(-1) !== text) spoken.push(text);
		}).observe(region, { childList: true, characterData: true, subtree: true });
	});
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page), { timeout: 8000 }).toBe(3);
	expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual(['1 of 3', '2 of 3', '3 of 3']);
	await expect(page.getByText('3 photos saved')).toBeAttached();
	await nav(page, 'Gallery').click();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
});

test('keyboard: PageDown and → shoot (a clicker), M mirrors, ? lists the shortcuts', async ({ page }) => {
	await openCamera(page);
	await page.keyboard.press('PageDown');
	await expect.poll(() => savedCount(page)).toBe(1);
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => savedCount(page)).toBe(2);

	const preview = page.getByLabel('Camera preview');
	await expect(preview).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
	await page.keyboard.press('m');
	await expect(preview).toHaveCSS('transform', 'none');
	await expect(page.getByRole('button', { name: 'Mirror' })).toHaveAttribute('aria-pressed', 'false');

	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help).toBeVisible();
	await expect(help.getByText('Switch camera')).toBeVisible();
	// Shortcuts wait while the help is open.
	await page.keyboard.press('PageDown');
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
	expect(await savedCount(page)).toBe(2);
});

test('shortcuts never fire while typing or using a control', async ({ page }) => {
	await openCamera(page);
	await page.getByRole('button', { name: 'Camera controls' }).click();
	const mode = page.getByRole('combobox', { name: 'Exposure mode' });
	await mode.focus();
	await page.keyboard.press('m');
	await page.keyboard.press('t');
	const slider = page.getByRole('slider', { name: /^Focus distance/ });
	await slider.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('PageDown');
	await expect(page.getByLabel('Camera preview')).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
	await expect(page.getByRole('button', { name: 'Countdown: off' })).toBeVisible();
	await page.waitForTimeout(300);
	expect(await savedCount(page)).toBe(0);
});

test('flash can be turned off, and the shutter sound plays only when on', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { __clicks: number }).__clicks = 0;
		const create = AudioContext.prototype.createBufferSource;
		AudioContext.prototype.createBufferSource = function () {
			(window as unknown as { __clicks: number }).__clicks++;
			return create.call(this);
		};
	});
	await withSettings(page, { sound: true, flash: false });
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
	expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
	await expect(page.locator('.flash')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Screen flash' })).toHaveAttribute('aria-pressed', 'false');

	await page.getByRole('button', { name: 'Screen flash' }).click();
	await page.goto('/settings');
	await page.getByRole('switch', { name: /^Shutter sound/ }).uncheck();
	await openCamera(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect(page.locator('.flash')).toHaveCount(1);
	await expect.poll(() => savedCount(page)).toBe(2);
	expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
});

test('the chosen photo size is used, separate from the preview', async ({ page }) => {
	await openCamera(page);
	await nav(page, 'Settings').click();
	const size = page.getByRole('combobox', { name: /^Photo size/ });
	await expect(size.getByRole('option').first()).toHaveText('Largest (1920 × 1080)');
	await size.selectOption({ label: '1280 × 720' });
	await nav(page, 'Camera').click();
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page)).toBe(1);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog').getByText('1280 × 720')).toBeVisible();
});
