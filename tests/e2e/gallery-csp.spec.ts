import { test, expect } from './fixtures';
import { openEmptyGallery, seedPhotos } from './seed';

test('every gallery state runs under the CSP with no violation, low storage included', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[] };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
		// 90% of the quota used, so the gallery's storage warning shows.
		const estimate = async () => ({ usage: 9e9, quota: 1e10 });
		Object.defineProperty(navigator.storage, 'estimate', { value: estimate });
		// A destination slow enough to see the export's progress and cancel it. The service worker
		// hands the archive over in large chunks (40 small photos can be one or two), so each
		// write takes a while.
		(window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async () => ({
			createWritable: async () => new WritableStream({ write: () => new Promise((r) => setTimeout(r, 2000)) })
		});
	});
	const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

	await openEmptyGallery(page);
	await seedPhotos(page, { count: 40, favoriteEvery: 3 });
	await page.reload();
	await expect(page.getByText('40 photos', { exact: true })).toBeVisible();
	await expect(page.getByRole('status').getByText('Space is running low')).toBeVisible();
	await expect(page.getByRole('meter', { name: 'Storage used' })).toHaveAttribute('value', '0.9');

	// Grid (positioned rows), filter, select mode, export progress, viewer with heart and swipe.
	await page.getByRole('radio', { name: 'Favourites' }).click();
	await page.getByRole('radio', { name: 'All' }).click();
	await page.locator('main').evaluate((m) => (m.scrollTop = m.scrollHeight));
	await page.getByRole('button', { name: 'Select' }).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Export' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await page.keyboard.press('Escape');
	await page.getByRole('list').getByRole('link').first().click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await viewer.getByRole('button', { name: 'Favourite' }).click();
	const box = (await viewer.getByRole('group').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 3 });
	expect(await violations()).toEqual([]);
	await page.mouse.up();
	await page.keyboard.press('Escape');

	// Import result and the drop overlay.
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
	await expect(page.getByRole('alert', { name: 'Import result' })).toBeVisible();
	const data = await page.evaluateHandle(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
		return dt;
	});
	await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
	await expect(page.getByText('Drop to import')).toBeVisible();
	await page.dispatchEvent('main', 'dragleave', { dataTransfer: data });
	expect(await violations()).toEqual([]);
});
