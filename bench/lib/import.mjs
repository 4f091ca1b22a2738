// Import throughput (issue 18): a person hands Import N photo files (640x480 JPEGs made here with
// ffmpeg, each a different frame), against the floor page (bench/reference/import.html: decode,
// thumbnail and store the same files with no framework, on an origin of its own).
//
// Both are timed the same way, from outside the page: from the files set on the file chooser to
// the moment the page's IndexedDB holds a thumbnail for every one of them, read by the bench from
// a connection of its own every 250 ms. The booth must also have stored every photo. Each run
// gets a fresh persistent profile (storage on disk, as a person's browser has: an incognito
// context keeps its storage in memory, with a small quota). The page's JS heap is sampled
// through CDP at every poll; its peak is reported (the workers' heaps are their own).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** N distinct 640x480 JPEGs, made once and kept in the system's temporary folder. */
export function photoFiles(count) {
	const dir = join(tmpdir(), `bench-import-640x480-${count}`);
	const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jpg')).length : 0;
	if (have !== count) {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const r = spawnSync(
			'ffmpeg',
			['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x480:rate=30', '-frames:v', String(count), '-q:v', '4', join(dir, 'p%05d.jpg')],
			{ stdio: 'inherit' }
		);
		if (r.error || r.status !== 0) throw new Error(`ffmpeg could not make the photos to import (${r.error?.message ?? `exit ${r.status}`}): install ffmpeg`);
	}
	return readdirSync(dir)
		.filter((f) => f.endsWith('.jpg'))
		.sort()
		.map((f) => join(dir, f));
}

/** How many records a store of a database holds, read on a connection of the bench's own. */
function counts(page, db, stores) {
	return page.evaluate(
		async ({ db, stores }) => {
			if (!(await indexedDB.databases()).some((d) => d.name === db)) return stores.map(() => 0);
			const conn = await new Promise((resolve, reject) => {
				const req = indexedDB.open(db);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			try {
				const present = stores.filter((s) => conn.objectStoreNames.contains(s));
				if (present.length < stores.length) return stores.map(() => 0);
				const tx = conn.transaction(stores);
				return await Promise.all(
					stores.map(
						(s) =>
							new Promise((resolve, reject) => {
								const req = tx.objectStore(s).count();
								req.onsuccess = () => resolve(req.result);
								req.onerror = () => reject(req.error);
							})
					)
				);
			} finally {
				conn.close();
			}
		},
		{ db, stores }
	);
}

const TARGETS = {
	app: { path: '/gallery', db: 'photobooth', stores: ['photos', 'thumbnails'] },
	floor: { path: '/import.html', db: 'bench-import-floor', stores: ['photos', 'thumbnails'] }
};

async function once(openContext, { name, origin, files, timeoutMs }) {
	const t = TARGETS[name];
	const context = await openContext();
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const problems = [];
		page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
		page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
		await page.goto(`${origin}${t.path}`);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const metric = async (name) => {
			const { metrics } = await cdp.send('Performance.getMetrics');
			return metrics.find((m) => m.name === name)?.value ?? NaN;
		};
		const heap = () => metric('JSHeapUsedSize');
		const button = page.getByRole(name === 'app' ? 'button' : 'textbox', { name: 'Import' });
		let chooser;
		if (name === 'app') {
			await button.waitFor();
			[chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
		}
		const heapBefore = await heap();
		const busyBefore = await metric('TaskDuration');
		let heapPeak = heapBefore;
		const t0 = Date.now();
		if (chooser) await chooser.setFiles(files);
		else await page.locator('input[type=file]').setInputFiles(files);
		const timeline = [];
		for (;;) {
			const [photos, thumbs] = await counts(page, t.db, t.stores);
			heapPeak = Math.max(heapPeak, await heap());
			const ms = Date.now() - t0;
			timeline.push([ms, photos, thumbs]);
			if (photos >= files.length && thumbs >= files.length) {
				const busyMs = ((await metric('TaskDuration')) - busyBefore) * 1000;
				return { ms, rate: (files.length / ms) * 1000, heapBefore, heapPeak, busyMs, problems, firstStoredMs: timeline.find((x) => x[1] > 0)?.[0], timeline: timeline.filter((_, i) => i % 20 === 0) };
			}
			if (problems.length) throw new Error(`${name}: ${problems[0]}`);
			if (ms > timeoutMs) {
				throw new Error(`${name}: after ${Math.round(ms / 1000)} s, ${photos} photos and ${thumbs} thumbnails of ${files.length} stored (${timeline.filter((_, i) => i % 20 === 0).map((x) => x.join("/")).join(" ")})`);
			}
			await page.waitForTimeout(250);
		}
	} finally {
		await context.close();
	}
}

/**
 * For each count, `runs` imports (a number, or one per count) by the booth and by the floor, in
 * turns, each in a fresh profile from `openContext()`. Returns per count: { app: [...], floor: [...] },
 * each run { ms, rate, heapBefore, heapPeak, busyMs, firstStoredMs } or { error }.
 */
export async function measureImport(openContext, { appOrigin, floorOrigin, counts: sizes, runs, timeoutMs = 600_000, only }) {
	const out = {};
	for (const [k, count] of sizes.entries()) {
		const files = photoFiles(count);
		const r = { app: [], floor: [] };
		for (let i = 0; i < (Array.isArray(runs) ? runs[k] : runs); i++) {
			const order = i % 2 ? ['floor', 'app'] : ['app', 'floor'];
			for (const name of order.filter((n) => !only || n === only)) {
				try {
					r[name].push(await once(openContext, { name, origin: name === 'app' ? appOrigin : floorOrigin, files, timeoutMs }));
				} catch (e) {
					r[name].push({ error: String(e.message ?? e) });
				}
			}
		}
		out[count] = r;
	}
	return out;
}

/** A fresh persistent profile per call; `cleanup()` removes them all. */
export function profiles(launch) {
	const dirs = [];
	return {
		open: () => {
			const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
			dirs.push(dir);
			return launch(dir);
		},
		cleanup: () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
	};
}
