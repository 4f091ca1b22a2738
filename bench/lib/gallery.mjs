// Gallery figures: photos seeded straight into the app's IndexedDB, then the time from navigation
// to the first thumbnails painted, and a scroll to the end (long tasks, slow frames).
//
// Only the storage schema (src/lib/photos/db.ts) and what a person sees are assumed: a list of
// links whose images have alt text starting "Photo taken", in whatever scrolls (the window or the
// nearest scrollable ancestor, found at run time). The gallery's markup may change freely.

export const APP_DB = 'photobooth';

/** Waits until the app has created its database (at whatever version it is now). */
export async function waitForAppDb(page) {
	await page.waitForFunction(
		async (name) => (await indexedDB.databases()).some((d) => d.name === name && d.version > 0),
		APP_DB,
		{ polling: 100, timeout: 20_000 }
	);
}

/** Waits until the app's service worker controls the page (a repeat visit is then served by it). */
export async function waitForServiceWorker(page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
	});
}

/**
 * Replaces every photo with `count` seeded ones, written with the app's schema: `photos`
 * {id, takenAt, width, height, type, size, camera} (index 'by-time' on [takenAt, id]),
 * `originals` {id, data (a Blob), type, crc} and `thumbnails` {id, data, type, width, height}. One small JPEG
 * and one thumbnail, made here with a canvas, are reused for every photo.
 *
 * `original` chooses the original's pixel size: small for the gallery (only thumbnails are read),
 * camera-sized for export (its bytes are what an export moves).
 */
export function seedPhotos(page, { count, original = { width: 160, height: 90, quality: 0.8 }, crc = true }) {
	return page.evaluate(
		async ({ dbName, count, original, withCrc }) => {
			const t0 = performance.now();
			const db = await new Promise((resolve, reject) => {
				// No version: open the database exactly as the app left it.
				const req = indexedDB.open(dbName);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			try {
				for (const s of ['photos', 'originals', 'thumbnails']) {
					if (!db.objectStoreNames.contains(s)) throw new Error(`the app's database has no "${s}" store: update bench/lib/gallery.mjs`);
				}
				const idx = db.transaction('photos').objectStore('photos').indexNames;
				if (!idx.contains('by-time')) throw new Error(`the "photos" store has no "by-time" index: update bench/lib/gallery.mjs`);

				async function jpeg(width, height, quality, noisy) {
					const c = new OffscreenCanvas(width, height);
					const ctx = c.getContext('2d');
					const g = ctx.createLinearGradient(0, 0, width, height);
					g.addColorStop(0, '#ff4f6d');
					g.addColorStop(1, '#2b6cff');
					ctx.fillStyle = g;
					ctx.fillRect(0, 0, width, height);
					ctx.fillStyle = '#fff';
					ctx.beginPath();
					ctx.arc(width / 2, height / 2, Math.min(width, height) / 4, 0, Math.PI * 2);
					ctx.fill();
					if (noisy) {
						// Camera-like entropy, so a camera-sized JPEG has a camera-like size.
						const img = ctx.getImageData(0, 0, width, height);
						let seed = 1;
						for (let i = 0; i < img.data.length; i += 4) {
							seed = (seed * 1103515245 + 12345) & 0x7fffffff;
							const n = (seed >> 16) & 63;
							img.data[i] += n;
							img.data[i + 1] += n;
							img.data[i + 2] += n;
						}
						ctx.putImageData(img, 0, 0);
					}
					const blob = await c.convertToBlob({ type: 'image/jpeg', quality });
					return { data: await blob.arrayBuffer(), width, height, type: blob.type };
				}
				const orig = await jpeg(original.width, original.height, original.quality, original.width > 640);
				const thumb = await jpeg(320, 180, 0.8, false);
				// The app stores each original as a Blob with its CRC-32 (in Chromium; photos stored
				// before it did are bytes without one, which `crc: false` seeds): the CRC is
				// computed once here, since every seeded photo has the same bytes.
				let crc;
				if (withCrc) {
					const table = new Int32Array(256);
					for (let n = 0; n < 256; n++) {
						let c = n;
						for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
						table[n] = c;
					}
					let c = -1;
					for (const b of new Uint8Array(orig.data)) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
					crc = (c ^ -1) >>> 0;
				}

				await new Promise((resolve, reject) => {
					const tx = db.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
					for (const s of ['photos', 'originals', 'thumbnails']) tx.objectStore(s).clear();
					tx.oncomplete = resolve;
					tx.onerror = tx.onabort = () => reject(tx.error);
				});
				const now = Date.now();
				const BATCH = 500;
				// What fits: a batch the storage quota refuses ends the seeding there (said in the
				// result), rather than losing the figure; with nothing stored at all it fails.
				let stored = 0;
				let quotaStopped = false;
				for (let start = 0; start < count; start += BATCH) {
					try {
						await new Promise((resolve, reject) => {
							const tx = db.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
							const photos = tx.objectStore('photos');
							const originals = tx.objectStore('originals');
							const thumbnails = tx.objectStore('thumbnails');
							for (let i = start; i < Math.min(count, start + BATCH); i++) {
								const id = crypto.randomUUID();
								photos.add({
									id,
									takenAt: now - i * 60_000,
									width: orig.width,
									height: orig.height,
									type: orig.type,
									size: orig.data.byteLength,
									camera: 'fake_device_0'
								});
								originals.add(
									withCrc
										? { id, data: new Blob([orig.data], { type: orig.type }), type: orig.type, crc }
										: { id, data: orig.data, type: orig.type }
								);
								thumbnails.add({ id, data: thumb.data, type: thumb.type, width: thumb.width, height: thumb.height });
							}
							tx.oncomplete = resolve;
							tx.onerror = tx.onabort = () => reject(tx.error);
						});
					} catch (e) {
						const quota = e?.name === 'QuotaExceededError' || /quota/i.test(String(e?.message ?? ''));
						if (!quota || start === 0) throw e;
						quotaStopped = true;
						break;
					}
					stored = Math.min(count, start + BATCH);
				}
				return {
					count: stored,
					asked: count,
					quotaStopped,
					originalBytes: orig.data.byteLength,
					thumbnailBytes: thumb.data.byteLength,
					ms: performance.now() - t0
				};
			} finally {
				db.close();
			}
		},
		{ dbName: APP_DB, count, original, withCrc: crc }
	);
}

/** The gallery list, found by role: a list of links whose images are named "Photo taken …". */
export function galleryList(page) {
	return page
		.getByRole('list')
		.filter({ has: page.getByRole('link').filter({ has: page.getByRole('img', { name: /^Photo taken/ }) }) })
		.first();
}

/** One visit to /gallery: navigation to the first thumbnail, and to the first screen of them. */
export async function visitGallery(page, origin) {
	await page.goto(`${origin}/gallery`);
	await page.waitForFunction(() => window.__bench?.gallery?.firstScreen || window.__bench?.gallery?.timedOut, undefined, {
		timeout: 90_000,
		polling: 100
	});
	return page.evaluate(() => {
		const g = window.__bench.gallery;
		const lcpImg = window.__bench.lcp.find((e) => e.tag === 'IMG' && /^Photo taken/.test(e.alt ?? ''));
		const nav = performance.getEntriesByType('navigation')[0];
		return {
			responseEnd: nav?.responseEnd,
			firstTile: g.firstTile,
			firstThumb: g.firstThumb,
			firstScreen: g.firstScreen,
			onScreen: g.onScreen,
			timedOut: !!g.timedOut,
			lcpThumb: lcpImg?.time ?? null,
			longTasksBeforeFirstScreen: window.__bench.longTasks.filter((t) => t.start < (g.firstScreen ?? Infinity))
		};
	});
}

/** Waits until the page has had no long task for `quietMs` (at most `maxMs`); returns its tasks so far. */
export async function waitForQuiet(page, { quietMs = 1000, maxMs = 30_000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		const state = await page.evaluate(() => {
			const tasks = window.__bench.longTasks;
			const lastEnd = tasks.length ? Math.max(...tasks.map((t) => t.start + t.duration)) : 0;
			return { sinceLast: performance.now() - lastEnd, now: performance.now(), tasks };
		});
		if (state.sinceLast >= quietMs) return { ...state, quiet: true };
		if (Date.now() - t0 > maxMs) return { ...state, quiet: false };
		await page.waitForTimeout(200);
	}
}

/**
 * Scrolls whatever holds the list from top to bottom over about `durationMs` (like dragging the
 * scrollbar: a fixed time whatever the length), following the bottom if the list grows as it is
 * reached (a virtualized or paged list). Records rAF deltas and the long tasks in that window.
 */
export async function scrollToEnd(page, list, { durationMs }) {
	return page.evaluate(
		async ({ list, durationMs }) => {
			function scroller(el) {
				for (let p = el; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
					const oy = getComputedStyle(p).overflowY;
					if (/(auto|scroll|overlay)/.test(oy) && p.scrollHeight > p.clientHeight + 1) return p;
				}
				return document.scrollingElement;
			}
			const box = scroller(list);
			const describe = (el) =>
				el === document.scrollingElement
					? 'the document'
					: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? ` class="${el.className}"` : ''}>`;
			box.scrollTop = 0;
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			const startHeight = box.scrollHeight;
			window.__bench.startFrames();
			const t0 = performance.now();
			let atBottomFrames = 0;
			await new Promise((resolve) => {
				const step = () => {
					const p = Math.min(1, (performance.now() - t0) / durationMs);
					// One read of the height per frame (it forces the layout the frame needs anyway).
					const max = box.scrollHeight - box.clientHeight;
					box.scrollTop = Math.round(p * max);
					atBottomFrames = p === 1 && box.scrollTop >= max - 2 ? atBottomFrames + 1 : 0;
					// At the bottom for a few frames with nothing more appearing: the end.
					if (atBottomFrames >= 5 || performance.now() - t0 > durationMs + 30_000) resolve();
					else requestAnimationFrame(step);
				};
				requestAnimationFrame(step);
			});
			const t1 = performance.now();
			// Work the last scroll position triggered still counts.
			await new Promise((r) => setTimeout(r, 300));
			const frames = window.__bench.stopFrames();
			const t2 = performance.now();
			const longTasks = window.__bench.longTasks.filter((t) => t.start + t.duration > t0 && t.start < t2);
			return {
				scroller: describe(box),
				distance: box.scrollTop,
				startHeight,
				endHeight: box.scrollHeight,
				reachedEnd: box.scrollTop >= box.scrollHeight - box.clientHeight - 2,
				durationMs: t1 - t0,
				frames: frames.length,
				slowFrames: frames.filter((d) => d > 33.4).length,
				worstFrame: frames.length ? Math.max(...frames) : null,
				longTasks: longTasks.map((t) => ({ start: t.start - t0, duration: t.duration })),
				links: list.querySelectorAll('a[href], [role="link"]').length
			};
		},
		{ list, durationMs }
	);
}

/**
 * The whole gallery measurement for one photo count, in a fresh browser context: first visit
 * (service worker, database), seed, `visits` repeat visits, then a scroll to the end.
 */
export async function measureGallery(browser, { origin, count, visits, scrollMs, contextOptions, initScript }) {
	const context = await browser.newContext(contextOptions);
	await context.addInitScript({ path: initScript });
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/gallery`);
		await waitForServiceWorker(page);
		await waitForAppDb(page);
		const seeded = await seedPhotos(page, { count });
		const runs = [];
		for (let i = 0; i < visits; i++) runs.push(await visitGallery(page, origin));
		const list = await galleryList(page).elementHandle({ timeout: 30_000 });
		const sameList = await page.evaluate((l) => l === window.__bench.galleryList, list);
		const load = await waitForQuiet(page);
		const scroll = await scrollToEnd(page, list, { durationMs: scrollMs });
		return {
			// What the storage took (see seedPhotos): the figures are for this many.
			count: seeded.count,
			asked: count,
			seeded,
			runs,
			sameList,
			loadLongTasks: load.tasks,
			quietBeforeScroll: load.quiet,
			scroll
		};
	} finally {
		await context.close();
	}
}
