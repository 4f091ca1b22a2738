import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, nav } from './fixtures';
import { serveBuildCopy, type BuildCopy } from './static-server';

let site: BuildCopy;
test.beforeEach(async () => {
	site = await serveBuildCopy();
});
test.afterEach(async () => {
	await site.close();
});
// This test talks to its own copy of the build on another port.
test.use({ baseURL: undefined });

test('a new version waits for the person: "Update available", and Reload switches to it', async ({ page, context }) => {
	await context.grantPermissions(['camera'], { origin: site.url });
	await page.goto(`${site.url}/gallery`);
	const firstWorker = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
		return reg.active?.scriptURL;
	});
	expect(firstWorker).toBe(`${site.url}/sw.js`);
	await expect(page.getByText('Update available')).toBeHidden();

	// Deploy a new version: any byte change to the service worker script is a new version.
	appendFileSync(join(site.dir, 'sw.js'), '\n// next release\n');

	// The app looks for updates on navigation; the new worker installs and waits.
	await nav(page, 'Settings').click();
	const toast = page.getByRole('status').filter({ hasText: 'Update available' });
	await expect(toast).toBeVisible({ timeout: 15_000 });
	expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

	// On the camera, the notice stands above the shutter: a press reaches the shutter, not it.
	await page.setViewportSize({ width: 1280, height: 720 });
	await nav(page, 'Camera').click();
	const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
	await expect(shutter).toBeEnabled({ timeout: 15_000 });
	await expect(toast).toBeVisible();
	const [s, t] = [(await shutter.boundingBox())!, (await toast.boundingBox())!];
	expect(t.y + t.height, 'the notice ends above the shutter').toBeLessThanOrEqual(s.y);
	await shutter.click({ trial: true });

	// Reload activates it.
	await Promise.all([page.waitForEvent('load'), toast.getByRole('button', { name: 'Reload' }).click()]);
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				return { waiting: !!reg?.waiting, active: reg?.active?.state };
			})
		)
		.toEqual({ waiting: false, active: 'activated' });
	await expect(page.getByText('Update available')).toBeHidden();
});
