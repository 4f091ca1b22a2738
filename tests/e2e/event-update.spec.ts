import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { serveBuildCopy, type BuildCopy } from './static-server';
import { enterPin, PIN, startEvent } from './event-helpers';

let site: BuildCopy;
test.beforeEach(async () => {
	site = await serveBuildCopy();
});
test.afterEach(async () => {
	await site.close();
});
// This test talks to its own copy of the build on another port.
test.use({ baseURL: undefined });

test('a new version found during an event waits for the host to leave event mode before it is offered', async ({ page, context }) => {
	test.slow();
	await context.grantPermissions(['camera'], { origin: site.url });
	await startEvent(page, {}, site.url);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});

	// Deploy a new version while guests use the booth; the page (reloaded, as after a sleep) finds it.
	appendFileSync(join(site.dir, 'sw.js'), '\n// next release\n');
	await page.reload();
	await expect(page.getByRole('button', { name: 'Tap to start' })).toBeVisible();
	await expect
		.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 20_000 })
		.toBe(true);
	await page.waitForTimeout(1000);
	await expect(page.getByText('Update available')).toBeHidden();

	// The host leaves event mode: now it is offered.
	await page.keyboard.press('Escape');
	await enterPin(page, PIN);
	await page.getByRole('dialog', { name: 'Host' }).getByRole('button', { name: 'Exit event mode' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toBeVisible({ timeout: 15_000 });
});
