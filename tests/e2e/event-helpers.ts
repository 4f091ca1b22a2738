/** Event mode journeys' helpers: the host's setup in Settings, the PIN pad, and stubs. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PIN = '2468';

/** window.print stubbed (headless never finishes one), a gamepad the test can press, Wake Lock counted. */
export async function stubs(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as Record<string, unknown>;
		// No save picker (headless never answers it): an export downloads.
		delete w.showSaveFilePicker;
		w.__prints = 0;
		window.print = () => void (w.__prints as number)++;
		const buttons = Array.from({ length: 4 }, () => ({ pressed: false, touched: false, value: 0 }));
		const pad = { id: 'Arcade button', index: 0, connected: true, buttons, axes: [], mapping: 'standard', timestamp: 0 };
		w.__pad = pad;
		w.__padOn = false;
		navigator.getGamepads = () => (w.__padOn ? [pad as unknown as Gamepad] : []) as never;
		w.__wakeLocks = 0;
		Object.defineProperty(navigator, 'wakeLock', {
			value: {
				request: async () => {
					(w.__wakeLocks as number)++;
					const t = new EventTarget() as EventTarget & { released: boolean; release(): Promise<void> };
					t.released = false;
					t.release = async () => {
						t.released = true;
						t.dispatchEvent(new Event('release'));
					};
					w.__wakeLock = t;
					return t;
				}
			}
		});
	});
}

interface Setup {
	name?: string;
	mode?: 'Photo' | 'Strip' | 'GIF' | 'Boomerang';
	countdown?: string;
	idle?: number;
	printing?: { copies: number; limit: number; auto?: boolean };
}

/** Fills Settings > Event mode and starts it; the guests' page shows "Tap to start". */
export async function startEvent(page: Page, setup: Setup = {}, origin = ''): Promise<void> {
	await stubs(page);
	await page.goto(`${origin}/settings`);
	const card = page.locator('#event-mode');
	await card.getByRole('textbox', { name: /Event name/ }).fill(setup.name ?? 'Test party');
	await card.getByRole('combobox', { name: /Guests get/ }).selectOption({ label: setup.mode ?? 'Photo' });
	await card.getByRole('combobox', { name: /Guest countdown/ }).selectOption({ label: setup.countdown ?? 'None' });
	if (setup.idle) await card.getByRole('slider', { name: /Back to the start after/ }).fill(String(setup.idle));
	if (setup.printing) {
		await card.getByRole('switch', { name: /Guests can print/ }).check();
		if (setup.printing.auto) await card.getByRole('switch', { name: /Print after Keep/ }).check();
		await card.getByRole('spinbutton', { name: /Copies per print/ }).fill(String(setup.printing.copies));
		await card.getByRole('spinbutton', { name: /Print limit/ }).fill(String(setup.printing.limit));
		await card.getByRole('spinbutton', { name: /Print limit/ }).blur();
	}
	await card.getByRole('textbox', { name: /^Host PIN 4 to 8/ }).fill(PIN);
	await card.getByRole('textbox', { name: /^Host PIN again/ }).fill(PIN);
	await card.getByRole('button', { name: 'Start event mode' }).click();
	await expect(page).toHaveURL(/\/event$/);
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
}

export async function enterPin(page: Page, pin: string): Promise<void> {
	const pad = page.getByRole('dialog', { name: 'Enter PIN' });
	await expect(pad).toBeVisible();
	await pad.getByRole('textbox', { name: 'PIN' }).fill(pin);
	await pad.getByRole('button', { name: 'Unlock' }).click();
}

