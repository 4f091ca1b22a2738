// Strip mode: the last shot's press to the strip stored (`booth:last-shot-to-strip`, set by the
// strip mode when the strip's transaction completes), for the app only: the reference page has
// no strips. Reported as a ratio to the app's own single-shot shutter-to-saved p50 in the same run.

/**
 * `runs` strip sessions of a 2x6 strip with 4 shots (a 3 s countdown before each), in a fresh
 * context whose settings choose strip mode.
 */
export async function measureStrip(browser, { origin, runs, contextOptions, initScript }) {
	const context = await browser.newContext({ ...contextOptions, permissions: ['camera'] });
	await context.addInitScript({ path: initScript });
	await context.addInitScript(() => {
		if (!sessionStorage.getItem('bench-seeded')) {
			localStorage.setItem(
				'photobooth.settings',
				JSON.stringify({ version: 3, mode: 'strip', stripLayout: 'strip-2x6', stripShots: 4, countdown: 0 })
			);
			sessionStorage.setItem('bench-seeded', '1');
		}
	});
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/`);
		const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
		await shutter.waitFor({ timeout: 30_000 });
		await page.waitForFunction(() => !document.querySelector('button[aria-label="Take photo"]')?.disabled, undefined, { timeout: 30_000 });
		const out = [];
		for (let i = 0; i < runs; i++) {
			await shutter.click();
			await page.waitForFunction((k) => performance.getEntriesByName('booth:last-shot-to-strip').length > k, i, { timeout: 60_000 });
			await shutter.waitFor({ timeout: 30_000 });
			await page.waitForTimeout(500);
		}
		out.push(...(await page.evaluate(() => performance.getEntriesByName('booth:last-shot-to-strip').map((e) => e.duration))));
		return { runs: out };
	} finally {
		await context.close();
	}
}
