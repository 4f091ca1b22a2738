// Camera figures, for the app and the reference page alike: first live frame on a repeat visit,
// shutter to saved, press to first visual feedback, and a burst of presses at the frame interval.
// Every figure is timed from outside the page, the same way for both (bench/lib/inpage.js): the
// first frame a <video> presents after a camera stream is set on it, and the IndexedDB
// transaction that stores a photo's bytes completing (its record committed). Never by marks a
// page sets about itself. Both pages have a button named "Take photo".

/**
 * @typedef {object} Target
 * @property {'app' | 'reference'} name
 * @property {import('@playwright/test').Page} page
 * @property {string} url       the camera page
 * @property {string} db        IndexedDB database holding its photos
 * @property {string} store     object store with one record per saved photo
 * @property {string} bytes     object store holding each photo's bytes as {id, data: ArrayBuffer}
 */

const shutterOf = (page) => page.getByRole('button', { name: 'Take photo', exact: true });

/** Navigates to the camera page and returns the time from navigation to the first preview frame. */
export async function openLive(t, timeout = 20_000) {
	await t.page.goto(t.url);
	const handle = await t.page.waitForFunction(() => window.__bench.firstFrame, undefined, { timeout });
	const firstFrame = await handle.jsonValue();
	await shutterOf(t.page).waitFor({ state: 'visible', timeout });
	await t.page.waitForFunction((sel) => !document.querySelector(sel)?.disabled, 'button[aria-label="Take photo"]', { timeout });
	return firstFrame;
}

/** Where the time to the first frame went, from navigation timing and the getUserMedia call. */
function firstFrameBreakdown(page) {
	return page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		const gum = window.__bench.calls.find((c) => c.label === 'getUserMedia');
		const scripts = performance
			.getEntriesByType('resource')
			.filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || /\.m?js$/.test(r.name));
		return {
			responseEnd: nav?.responseEnd,
			domInteractive: nav?.domInteractive,
			domContentLoaded: nav?.domContentLoadedEventStart,
			scriptsLoaded: scripts.length ? Math.max(...scripts.map((r) => r.responseEnd)) : null,
			scripts: scripts.length,
			getUserMediaCalled: gum?.start ?? null,
			getUserMediaResolved: gum?.end ?? null,
			firstFrame: window.__bench.firstFrame
		};
	});
}

/**
 * The photos the page has stored so far, as the outside sees them: each IndexedDB transaction
 * that wrote to the target's bytes store, when it completed, and the key it stored.
 */
function storedRecords(t) {
	return t.page.evaluate(
		(bytes) =>
			window.__bench.commits
				.filter((c) => c.stores.includes(bytes))
				.map((c) => ({ at: c.at, id: c.keys.find((k) => k.store === bytes)?.key ?? null })),
		t.bytes
	);
}

const storedCount = (t) => storedRecords(t).then((list) => list.length);

/** Waits until more than `k` photos are stored. */
function waitStored(t, k, timeout) {
	return t.page.waitForFunction(
		({ bytes, k }) => window.__bench.commits.filter((c) => c.stores.includes(bytes)).length > k,
		{ bytes: t.bytes, k },
		{ timeout }
	);
}

/**
 * Presses (their event times) paired in order with the photos stored after them: the press to
 * its record committed. Both pages store one record per press, in the order pressed.
 */
function pressesToStored(presses, records) {
	const out = [];
	let r = 0;
	for (const pressed of presses) {
		while (r < records.length && records[r].at < pressed) r++;
		if (r >= records.length) break;
		out.push({ pressed, saved: records[r].at, id: records[r].id });
		r++;
	}
	return out;
}

/** Leaves the page, which releases the camera (neither page keeps a stream in the background). */
export async function release(t) {
	await t.page.goto('about:blank');
}

/** First visit: installs the app's service worker and waits until it controls the page. */
export async function firstVisit(t) {
	await openLive(t, 60_000);
	if (t.name === 'app' || t.name === 'baseline') {
		await t.page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
			}
		});
	}
	await release(t);
}

/** Repeat visits, alternating app and reference so both see the same machine noise. */
export async function measureFirstFrame(targets, repeats) {
	const out = Object.fromEntries(targets.map((t) => [t.name, []]));
	const breakdown = Object.fromEntries(targets.map((t) => [t.name, []]));
	for (let i = 0; i < repeats; i++) {
		const order = i % 2 ? [...targets].reverse() : targets;
		for (const t of order) {
			out[t.name].push(await openLive(t));
			breakdown[t.name].push(await firstFrameBreakdown(t.page));
			await release(t);
		}
	}
	return { ...out, breakdown };
}

/** The number of records in a store, read without creating the database if it is missing. */
export function countRecords(page, db, store) {
	return page.evaluate(
		async ({ db, store }) => {
			const dbs = await indexedDB.databases();
			if (!dbs.some((d) => d.name === db)) return 0;
			return new Promise((resolve, reject) => {
				const req = indexedDB.open(db);
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const conn = req.result;
					if (!conn.objectStoreNames.contains(store)) {
						conn.close();
						return resolve(0);
					}
					const c = conn.transaction(store).objectStore(store).count();
					c.onsuccess = () => {
						conn.close();
						resolve(c.result);
					};
					c.onerror = () => reject(c.error);
				};
			});
		},
		{ db, store }
	);
}


/** Median rAF interval over ~1 s: the display frame the feedback budget is expressed in. */
export function frameInterval(page) {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const d = [];
				let last = 0;
				const tick = (t) => {
					if (last) d.push(t - last);
					last = t;
					if (d.length < 60) requestAnimationFrame(tick);
					else resolve(d.sort((a, b) => a - b)[d.length >> 1]);
				};
				requestAnimationFrame(tick);
			})
	);
}

/**
 * Takes `n` single shots with real clicks, each after the previous one is saved and a pause
 * (`gap` ms) that lets background work (the app's thumbnail) finish: single-shot latency, not
 * throughput. `warmup` shots first are taken the same way and not counted.
 */
export async function singleShots(t, { n, warmup, gap }) {
	await openLive(t);
	await t.page.waitForTimeout(500);
	const frame = await frameInterval(t.page);
	const shutter = shutterOf(t.page);
	const total = warmup + n;
	const pressesBefore = await t.page.evaluate(() => window.__bench.presses.length);
	const storedBefore = await storedCount(t);
	for (let i = 0; i < total; i++) {
		await shutter.click();
		await waitStored(t, storedBefore + i, 15_000);
		await t.page.waitForTimeout(gap);
	}
	// Every press must have reached its frame; wait for the last one's paint record.
	await t.page.waitForFunction((k) => window.__bench.presses.filter((p) => p.painted).length >= k, pressesBefore + total);
	const records = (await storedRecords(t)).slice(storedBefore);
	const shots = pressesToStored(
		await t.page.evaluate((k) => window.__bench.presses.slice(k).map((p) => p.event), pressesBefore),
		records
	);
	const data = await t.page.evaluate(
		({ warmup, shots, pressesBefore }) => {
			const own = performance.getEntriesByName('booth:shutter-to-feedback');
			return {
				saved: shots.slice(warmup).map((s) => s.saved - s.pressed),
				coldSaved: shots[0] ? shots[0].saved - shots[0].pressed : null,
				feedback: window.__bench.presses.slice(pressesBefore + warmup).map((p) => ({
					// Press (the click's event time) to the end of the main thread's work on the
					// first frame after it: the frame that shows the flash.
					toPainted: p.painted - p.event,
					// Press to the start of that frame (rAF), and whether the page changed its DOM first.
					toFrame: p.frameStart - p.event,
					inputDelay: p.listener - p.event,
					mutated: p.mutated
				})),
				ownFeedback: own.slice(-shots.length + warmup).map((e) => e.duration),
				// Diagnosis: how long each step of each shot took (ms), and what ran after the encode
				// (reading the blob, the IndexedDB transaction) until the record was committed.
				phases: shots.slice(warmup).map(({ pressed, saved }) => {
					const calls = window.__bench.calls.filter((c) => c.start >= pressed && c.start <= saved && c.end);
					const steps = { firstStepAfter: calls.length ? calls[0].start - pressed : null };
					for (const c of calls) steps[c.label] = (steps[c.label] ?? 0) + (c.end - c.start);
					const enc = calls.filter((c) => c.label === 'encode').at(-1);
					steps.afterEncode = enc ? saved - enc.end : null;
					steps.encodedSize = enc?.size ?? null;
					return steps;
				}),
				longTasks: window.__bench.longTasks.filter((t) => t.start >= (shots[warmup]?.pressed ?? 0))
			};
		},
		{ warmup, shots, pressesBefore }
	);
	await release(t);
	return { ...data, frameInterval: frame };
}

/** Single shots in interleaved blocks (app, reference, reference, app, ...). */
export async function measureShutter(targets, { shots, blocks, warmup, gap }) {
	const out = Object.fromEntries(
		targets.map((t) => [t.name, { saved: [], coldSaved: [], feedback: [], ownFeedback: [], frameIntervals: [] }])
	);
	const per = Math.ceil(shots / blocks);
	for (let b = 0; b < blocks; b++) {
		const order = b % 2 ? [...targets].reverse() : targets;
		for (const t of order) {
			const r = await singleShots(t, { n: Math.min(per, shots - b * per), warmup, gap });
			const o = out[t.name];
			o.saved.push(...r.saved);
			o.coldSaved.push(r.coldSaved);
			o.feedback.push(...r.feedback);
			o.ownFeedback.push(...r.ownFeedback);
			o.frameIntervals.push(r.frameInterval);
			(o.phases ??= []).push(...r.phases);
			(o.longTasks ??= []).push(...r.longTasks.map((x) => x.duration));
		}
	}
	return out;
}

/**
 * How a burst is fired. Today the app has no burst mode, so a burst is `n` presses of the shutter
 * at the camera's frame interval, scheduled in the page against absolute deadlines (so a late
 * press does not push the later ones). When the app's burst button lands, add a strategy here
 * that presses it once and returns the same shape; nothing else in the harness has to change.
 *
 * Each strategy returns { start } (the first press, in the page's performance.now() time) and the
 * presses' scheduled and actual times.
 */
export const BURST_STRATEGIES = {
	/** `n` separate clicks of the "Take photo" button, one every `interval` ms. */
	async rapidPresses(page, { n, interval }) {
		const shutter = await shutterOf(page).elementHandle();
		return page.evaluate(
			async ({ shutter, n, interval }) => {
				const start = performance.now() + 20;
				const presses = [];
				for (let i = 0; i < n; i++) {
					const target = start + i * interval;
					// Each press is a task of its own, as a person's presses are (events, never two
					// clicks in one task), even when the page kept this one waiting past its time.
					const wait = target - performance.now();
					await new Promise((r) => setTimeout(r, Math.max(0, wait)));
					presses.push({ target, actual: performance.now() });
					shutter.click();
				}
				return { start, presses };
			},
			{ shutter, n, interval }
		);
	}
};

/** How many different images the photos with these ids hold (SHA-1 of the stored bytes). */
async function distinctImages(t, ids) {
	return new Set(await imageHashes(t, ids)).size;
}

/** The SHA-1 of each photo's stored bytes, in the order of the ids (first 8 hex digits). */
function imageHashes(t, ids) {
	return t.page.evaluate(
		async ({ db, store, ids }) => {
			const conn = await new Promise((resolve, reject) => {
				const req = indexedDB.open(db);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			try {
				const hashes = [];
				for (const id of ids) {
					if (typeof id !== 'string') continue;
					const rec = await new Promise((resolve, reject) => {
						const req = conn.transaction(store).objectStore(store).get(id);
						req.onsuccess = () => resolve(req.result);
						req.onerror = () => reject(req.error);
					});
					if (!rec?.data) continue;
					const bytes = rec.data instanceof Blob ? await rec.data.arrayBuffer() : rec.data;
					const h = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
					hashes.push(Array.from(h.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(''));
				}
				return hashes;
			} finally {
				conn.close();
			}
		},
		{ db: t.db, store: t.bytes, ids }
	);
}

/**
 * A burst of `n` shots at the camera's frame interval. Counts what reached IndexedDB (not only
 * what the page claims) and records when each shot was saved.
 */
export async function burst(t, { n, strategy = 'rapidPresses' }) {
	const errors = [];
	const onError = (e) => errors.push(String(e.message ?? e));
	const onConsole = (m) => m.type() === 'error' && errors.push(m.text());
	await openLive(t);
	t.page.on('pageerror', onError);
	t.page.on('console', onConsole);
	try {
		await t.page.waitForTimeout(500);
		const fps = await t.page.evaluate(
			() => document.querySelector('video')?.srcObject?.getVideoTracks()[0]?.getSettings().frameRate
		);
		const interval = 1000 / (fps || 20);
		const before = await countRecords(t.page, t.db, t.store);
		const storedBefore = await storedCount(t);
		const pressesBefore = await t.page.evaluate(() => window.__bench.presses.length);
		const fired = await BURST_STRATEGIES[strategy](t.page, { n, interval });
		// Give stragglers time: a backlog of n shots at up to 1 s each would still be counted.
		await waitStored(t, storedBefore + n - 1, Math.max(10_000, n * 1000)).catch(() => {});
		await t.page.waitForTimeout(300);
		const after = await countRecords(t.page, t.db, t.store);
		const saves = pressesToStored(
			await t.page.evaluate((k) => window.__bench.presses.slice(k).map((p) => p.event), pressesBefore),
			(await storedRecords(t)).slice(storedBefore)
		);
		const ends = saves.map((s) => s.saved).sort((a, b) => a - b);
		// A record is not a shot if its image is another shot's: count distinct images.
		const distinct = await distinctImages(t, saves.map((s) => s.id));
		// Which frames the shots were given, when a picture was saved twice (diagnosis).
		const snapshots =
			distinct < saves.length ? await t.page.evaluate((from) => window.__bench.snapshots.filter((s) => s.at >= from), fired.start) : undefined;
		// Diagnosis: each step's count, mean duration and how many ran at once at most.
		const steps = await t.page.evaluate(
			({ from, to }) => {
				const calls = window.__bench.calls.filter((c) => c.start >= from && c.start <= to && c.end);
				const out = {};
				for (const label of new Set(calls.map((c) => c.label))) {
					const mine = calls.filter((c) => c.label === label);
					const edges = mine.flatMap((c) => [[c.start, 1], [c.end, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
					let open = 0;
					let most = 0;
					for (const [, d] of edges) most = Math.max(most, (open += d));
					out[label] = {
						count: mine.length,
						meanMs: mine.reduce((n, c) => n + c.end - c.start, 0) / mine.length,
						maxConcurrent: most
					};
				}
				return out;
			},
			{ from: fired.start, to: ends.at(-1) ?? Infinity }
		);
		const longTasks = await t.page.evaluate(
			({ from, to }) => window.__bench.longTasks.filter((x) => x.start + x.duration > from && x.start < to).map((x) => x.duration),
			{ from: fired.start, to: ends.at(-1) ?? Infinity }
		);
		// Shots that took a frame another shot had, because no new one came in time (the app
		// marks each; the reference does not look).
		const frameStalls = await t.page.evaluate(
			(from) => performance.getEntriesByName('booth:frame-stall').filter((e) => e.startTime >= from).length,
			fired.start
		);
		const stored = after - before;
		return {
			strategy,
			fps,
			interval,
			pressed: fired.presses.length,
			pressLateMax: Math.max(...fired.presses.map((p) => p.actual - p.target)),
			stored,
			claimed: saves.length,
			distinct,
			// A shot is lost when no record reached IndexedDB, or when its record holds the same
			// image as another shot of the burst (the same camera frame saved twice).
			lost: n - Math.min(stored, distinct),
			// Shots saved per second over the burst, from the first press to the last save. Presses
			// come every frame interval, so this reaches the camera's frame rate exactly when all n
			// shots are saved within n frame intervals of the first press: when saving keeps pace
			// and the last shot is saved before the next frame would arrive.
			shotsPerSecond: ends.length ? (ends.length * 1000) / (ends.at(-1) - fired.start) : NaN,
			firstPressToLastSave: ends.length ? ends.at(-1) - fired.start : NaN,
			latencies: saves.map((s) => s.saved - s.pressed),
			// Main-thread tasks over 50 ms during the burst: they delay presses and the preview.
			longTasks,
			frameStalls,
			steps,
			...(snapshots ? { snapshots, imageHashes: await imageHashes(t, saves.map((s) => s.id)) } : {}),
			errors
		};
	} finally {
		t.page.off('pageerror', onError);
		t.page.off('console', onConsole);
		await release(t);
	}
}
