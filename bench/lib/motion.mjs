// Moving pictures: press to stored for a GIF and a boomerang, timed from outside the app (the
// init script's record of the click and of the IndexedDB transaction that stored the file), and
// the page's JS heap while a video records for `videoSeconds` (CDP Performance metrics, sampled
// twice a second after a garbage collection at the start). App only: the floor page makes no GIFs.

const shutterOf = (page) => page.getByRole('button', { name: 'Take photo', exact: true });

async function ready(page) {
	await shutterOf(page).waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => !document.querySelector('button[aria-label="Take photo"]')?.disabled, undefined, { timeout: 30_000 });
}

/**
 * Transactions that stored a new item (its metadata and its original together: a checksum
 * written later touches the originals alone), in order: when each completed, ms from navigation.
 */
const originalsStored = (page) =>
	page.evaluate(() => window.__bench.commits.filter((c) => c.stores.includes('originals') && c.stores.includes('photos')).map((c) => c.at));
const lastPress = (page) => page.evaluate(() => window.__bench.presses.at(-1)?.event);

/** One press in the mode chosen: its click to the first original stored after it. */
async function pressToStored(page, timeout = 60_000) {
	const before = (await originalsStored(page)).length;
	await shutterOf(page).click();
	const pressed = await lastPress(page);
	await page.waitForFunction(
		(n) => window.__bench.commits.filter((c) => c.stores.includes('originals') && c.stores.includes('photos')).length > n,
		before,
		{ timeout }
	);
	const stored = (await originalsStored(page)).slice(before);
	await ready(page);
	await page.waitForTimeout(400);
	return stored[0] - pressed;
}

export async function measureMotion(browser, { origin, runs, videoSeconds, contextOptions, initScript }) {
	const context = await browser.newContext({ ...contextOptions, permissions: ['camera'] });
	await context.addInitScript({ path: initScript });
	await context.addInitScript((limit) => {
		if (!sessionStorage.getItem('bench-seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'gif', countdown: 0, videoLimit: limit }));
			sessionStorage.setItem('bench-seeded', '1');
		}
	}, videoSeconds * 1000);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	const mode = (name) => page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name, exact: true }).click();
	try {
		await page.goto(`${origin}/`);
		await ready(page);
		await page.waitForTimeout(1000);
		const settings = await page.evaluate(() => JSON.parse(localStorage.getItem('photobooth.settings') ?? '{}'));
		const out = { gif: [], boomerang: [], gifFrames: settings.gifFrames ?? 10, gifDuration: settings.gifDuration ?? 2000 };
		for (let i = 0; i < runs; i++) out.gif.push(await pressToStored(page));
		await mode('Boomerang');
		for (let i = 0; i < runs; i++) out.boomerang.push(await pressToStored(page));

		// A whole video at the limit, the heap sampled as it records.
		await mode('Video');
		await cdp.send('Performance.enable');
		await cdp.send('HeapProfiler.collectGarbage');
		const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
		const start = await heap();
		const before = (await originalsStored(page)).length;
		await shutterOf(page).click();
		let peak = start;
		const samples = [];
		const deadline = Date.now() + videoSeconds * 1000 + 30_000;
		while ((await originalsStored(page)).length <= before && Date.now() < deadline) {
			const h = await heap();
			samples.push(h);
			peak = Math.max(peak, h);
			await page.waitForTimeout(500);
		}
		const stored = await page.evaluate(async () => {
			const db = await new Promise((resolve, reject) => {
				const r = indexedDB.open('photobooth');
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const all = await new Promise((resolve) => {
				const r = db.transaction('photos').objectStore('photos').getAll();
				r.onsuccess = () => resolve(r.result);
			});
			db.close();
			const v = all.filter((m) => m.kind === 'video').at(-1);
			return v ? { size: v.size, duration: v.duration, type: v.type, width: v.width, height: v.height } : null;
		});
		out.video = { seconds: videoSeconds, startHeap: start, peakHeap: peak, samples: samples.length, stored };
		return out;
	} finally {
		await context.close();
	}
}
