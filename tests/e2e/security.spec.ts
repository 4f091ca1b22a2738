import { test, expect, expectLivePreview, takePhotos } from './fixtures';

test('every route runs under a strict CSP with no violation', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { __violations: string[] }).__violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

	await page.goto('/');
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(csp).toBeTruthy();
	const scriptSrc = csp!.split(';').find((d) => d.trim().startsWith('script-src'))!;
	expect(scriptSrc).not.toContain('unsafe-inline');
	// WebAssembly may be compiled (backdrops' model on the page); JavaScript may not be evaluated.
	expect(scriptSrc.split(/\s+/)).not.toContain("'unsafe-eval'");
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("object-src 'none'");

	// Use every page: preview, a photo (blob: thumbnails), the viewer (blob: original), settings.
	await expectLivePreview(page);
	await takePhotos(page, 2);
	expect(await violations()).toEqual([]);
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	await expect(page.getByRole('dialog').getByRole('img')).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Escape');
	expect(await violations()).toEqual([]);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	expect(await violations()).toEqual([]);
	await page.goto('/gallery?photo=missing');
	await expect(page.getByText('That photo is no longer in the gallery.')).toBeVisible();
	expect(await violations()).toEqual([]);
});
