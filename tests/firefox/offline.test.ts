import { describe, expect, test } from 'vitest';
import { byRole, expectLivePreview, nav, openCamera, savedCount, serviceWorkerControls, takePhoto, useFirefox, waitForText } from './harness';

const ff = useFirefox();

describe('offline in Firefox', () => {
	test('offline reload: with the service worker in control, the camera page loads and works offline', async () => {
		await openCamera(ff);
		expect(await serviceWorkerControls(ff.page)).toBe(true);

		// BiDi emulation.setNetworkConditions (offline) for this tab: Firefox applies it.
		await ff.page.setOfflineMode(true);
		// Really offline: the browser says so, and a request the worker has not cached fails.
		expect(await ff.page.evaluate(() => navigator.onLine)).toBe(false);
		const probe = await ff.page.evaluate(async () => {
			try {
				return `status ${(await fetch(`/not-cached-${Date.now()}`, { cache: 'no-store' })).status}`;
			} catch (e) {
				return (e as Error).name;
			}
		});
		expect(probe).toBe('TypeError');

		await ff.page.reload();
		await expectLivePreview(ff.page);
		// Still offline after the reload: the worker served the page from its precache.
		expect(await ff.page.evaluate(() => [navigator.onLine, navigator.serviceWorker.controller !== null])).toEqual([false, true]);
		await takePhoto(ff.page);
		expect(await savedCount(ff.page)).toBe(1);
		await nav(ff.page, 'Gallery').click();
		await waitForText(ff.page, '1 photo');
		await nav(ff.page, 'Settings').click();
		await byRole(ff.page, 'heading', 'Settings').wait();
	});
});
