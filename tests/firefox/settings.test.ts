import { describe, expect, test } from 'vitest';
import { byRole, nav, useFirefox } from './harness';

const ff = useFirefox();

// Firefox names a control inside a <label> by the label's whole text, hint included.
const COUNTDOWN = 'Countdown Time to get ready after pressing the shutter. T on the camera page cycles it.';
const FLASH = 'Screen flash A white flash on each photo: it lights your face, too.';

describe('settings in Firefox', () => {
	test('settings: a changed countdown and switch are remembered after a reload', async () => {
		await ff.page.goto(ff.url('/settings'));
		let countdown = await byRole(ff.page, 'combobox', COUNTDOWN).waitHandle();
		let flash = await byRole(ff.page, 'switch', FLASH).waitHandle();
		expect(await countdown.evaluate((s) => (s as HTMLSelectElement).value)).toBe('0');
		expect(await flash.evaluate((s) => (s as HTMLInputElement).checked)).toBe(true);

		expect(await countdown.select('3')).toEqual(['3']);
		await flash.click();
		await expect.poll(() => flash.evaluate((s) => (s as HTMLInputElement).checked)).toBe(false);

		await ff.page.reload();
		countdown = await byRole(ff.page, 'combobox', COUNTDOWN).waitHandle();
		flash = await byRole(ff.page, 'switch', FLASH).waitHandle();
		expect(await countdown.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toBe('3 seconds');
		expect(await flash.evaluate((s) => (s as HTMLInputElement).checked)).toBe(false);

		// The camera page uses it: its countdown toggle says 3 seconds.
		await nav(ff.page, 'Camera').click();
		await byRole(ff.page, 'button', 'Countdown: 3 seconds').wait();
	});
});
