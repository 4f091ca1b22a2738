// Event mode all evening: `sessions` guests in a row on the guests' page (tap to start, shoot,
// keep, print by itself, done), the page's JS heap and DOM node count sampled after a forced
// garbage collection every `every` sessions (CDP Performance metrics), and the object URLs still
// alive (URL.createObjectURL and revokeObjectURL counted by an init script). Absolute figures:
// what matters is that they stay flat from the first samples to the last.

const PIN = '2468';

export async function measureSoak(browser, { origin, sessions, every, contextOptions }) {
	const context = await browser.newContext({ ...contextOptions, permissions: ['camera'] });
	await context.addInitScript(() => {
		window.print = () => undefined;
		const live = new Set();
		const create = URL.createObjectURL.bind(URL);
		const revoke = URL.revokeObjectURL.bind(URL);
		URL.createObjectURL = (o) => {
			const url = create(o);
			live.add(url);
			return url;
		};
		URL.revokeObjectURL = (url) => {
			live.delete(url);
			revoke(url);
		};
		window.__liveUrls = () => live.size;
	});
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	try {
		await page.goto(`${origin}/settings`);
		const card = page.locator('#event-mode');
		await card.getByRole('textbox', { name: /Event name/ }).fill('Soak');
		await card.getByRole('combobox', { name: /Guests get/ }).selectOption({ label: 'Photo' });
		await card.getByRole('combobox', { name: /Guest countdown/ }).selectOption({ label: 'None' });
		await card.getByRole('switch', { name: /Guests can print/ }).check();
		await card.getByRole('switch', { name: /Print after Keep/ }).check();
		await card.getByRole('textbox', { name: /^Host PIN 4 to 8/ }).fill(PIN);
		await card.getByRole('textbox', { name: /^Host PIN again/ }).fill(PIN);
		await card.getByRole('button', { name: 'Start event mode' }).click();
		const start = page.getByRole('button', { name: 'Tap to start' });
		const shutter = page.getByRole('button', { name: 'Take photo' });
		await start.waitFor({ timeout: 30_000 });

		const sample = async (session) => {
			await cdp.send('HeapProfiler.collectGarbage');
			await page.waitForTimeout(200);
			await cdp.send('HeapProfiler.collectGarbage');
			const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
			return {
				session,
				heap: metrics.JSHeapUsedSize,
				nodes: metrics.Nodes,
				listeners: metrics.JSEventListeners,
				liveUrls: await page.evaluate(() => window.__liveUrls())
			};
		};
		const samples = [];
		const t0 = Date.now();
		for (let s = 1; s <= sessions; s++) {
			await start.click();
			await page.waitForFunction(() => !document.querySelector('button[aria-label="Take photo"]')?.disabled, undefined, { timeout: 30_000 });
			await shutter.click();
			await page.getByRole('button', { name: 'Keep' }).click({ timeout: 30_000 });
			await page.getByRole('button', { name: 'Done' }).click();
			await start.waitFor();
			if (s % every === 0) samples.push(await sample(s));
		}
		const seconds = (Date.now() - t0) / 1000;
		const stored = await page.evaluate(
			() =>
				new Promise((resolve, reject) => {
					const r = indexedDB.open('photobooth');
					r.onsuccess = () => {
						const c = r.result.transaction('photos').objectStore('photos').count();
						c.onsuccess = () => {
							r.result.close();
							resolve(c.result);
						};
					};
					r.onerror = () => reject(r.error);
				})
		);
		return { sessions, seconds, stored, samples };
	} finally {
		await context.close();
	}
}
