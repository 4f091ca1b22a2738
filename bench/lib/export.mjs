// ZIP export: MB/s and peak JS heap. This looks for a button named "Export" where a person
// would (the gallery, then settings) and reports "not available yet" when there is none. It
// never makes a number up.
//
// When the button exists: photos with camera-sized originals are seeded, the button is pressed,
// and the download Playwright sees is timed until its last byte is written. The page's JS heap
// and the service worker's heap (it writes the archive) are sampled over CDP meanwhile, with
// ArrayBuffer backing stores counted (V8's usedSize alone leaves them out, and they are where
// photo bytes live); Blob data kept by the browser process is not included. Two figures come of
// it: the peak as it happens (garbage included, freed whenever V8 and Blink next collect), and,
// at two photo counts, the peak of what the export holds (sampled after forced collections):
// an archive that holds no photo grows only by each photo's listing, a buffered one by its bytes.
import { readFileSync, statSync } from 'node:fs';
import { seedPhotos, waitForAppDb, waitForServiceWorker } from './gallery.mjs';

const PLACES = ['/gallery', '/settings'];
const exportButton = (page) => page.getByRole('button', { name: /^Export\b/i });

/** The first page (of PLACES) that shows an Export button, or null. */
async function findExport(page, origin) {
	for (const path of PLACES) {
		await page.goto(`${origin}${path}`);
		// Let the page render what it has (the gallery reads its photos first).
		await page.waitForLoadState('load');
		await page.waitForTimeout(1500);
		if ((await exportButton(page).count()) > 0) return path;
	}
	return null;
}

/** Entries and size of a ZIP file, read from its end of central directory record. */
export function zipInfo(file) {
	const buf = readFileSync(file);
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
		if (buf.readUInt32LE(i) !== 0x06054b50) continue;
		let entries = buf.readUInt16LE(i + 10);
		// ZIP64: the real count is in the ZIP64 end of central directory record.
		const loc = i - 20;
		if (entries === 0xffff && loc >= 0 && buf.readUInt32LE(loc) === 0x07064b50) {
			const rec = Number(buf.readBigUInt64LE(loc + 8));
			entries = Number(buf.readBigUInt64LE(rec + 32));
		}
		return { valid: true, entries, bytes: buf.length };
	}
	return { valid: false, entries: 0, bytes: buf.length };
}

/**
 * The heap of the context's service worker (which writes the archive), reached through the
 * page's CDP session (Playwright opens sessions on pages and frames only; the page's session
 * lists the other targets and attaches to them, in a persistent profile too). Resolves to null
 * where no service worker runs.
 */
async function serviceWorkerHeap(page) {
	const cdp = await page.context().newCDPSession(page);
	const { targetInfo } = await cdp.send('Target.getTargetInfo');
	const { targetInfos } = await cdp.send('Target.getTargets');
	const sw = targetInfos.find((t) => t.type === 'service_worker' && t.browserContextId === targetInfo.browserContextId);
	if (!sw) {
		await cdp.detach();
		return null;
	}
	const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
	let lastId = 0;
	const waiting = new Map();
	cdp.on('Target.receivedMessageFromTarget', (e) => {
		if (e.sessionId !== sessionId) return;
		const m = JSON.parse(e.message);
		waiting.get(m.id)?.(m);
		waiting.delete(m.id);
	});
	// A worker that stops (or crashes) never answers: each call gives up after a while, so the
	// sampler ends and the run is not held up.
	const call = (method, params = {}) =>
		new Promise((resolve, reject) => {
			const id = ++lastId;
			const timer = setTimeout(() => {
				waiting.delete(id);
				reject(new Error(`${method}: the service worker did not answer`));
			}, 5000);
			waiting.set(id, (m) => {
				clearTimeout(timer);
				if (m.error) reject(new Error(m.error.message));
				else resolve(m.result);
			});
			cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e) => {
				clearTimeout(timer);
				reject(e);
			});
		});
	return {
		collectGarbage: () => call('HeapProfiler.collectGarbage'),
		used: async () => {
			const h = await call('Runtime.getHeapUsage');
			return h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);
		},
		close: () => cdp.detach().catch(() => {})
	};
}

/** Camera-sized originals: the 1080p JPEGs the booth takes, for the MB/s figure. */
const CAMERA_SIZE = { width: 1920, height: 1080, quality: 0.92 };

/**
 * One export of `count` seeded photos. With `live`, a garbage collection runs (page and service
 * worker) before each heap sample, so the samples are what the export holds, not what the
 * collectors have yet to free; the export runs slower for it, so its MB/s is not a figure.
 */
async function exportOnce(page, origin, path, { count, crc = true, live = false }) {
	const seeded = await seedPhotos(page, { count, crc, original: CAMERA_SIZE });
	await page.goto(`${origin}${path}`);
	await exportButton(page).first().waitFor({ timeout: 30_000 });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.enable');
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = async () => {
		const h = await cdp.send('Runtime.getHeapUsage');
		return h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);
	};
	const baseline = await heap();
	let peak = baseline;
	// The service worker writes the archive: its heap is sampled too, and the figure is the
	// peak of the two heaps together.
	const sw = await serviceWorkerHeap(page);
	await sw?.collectGarbage();
	const swBaseline = (await sw?.used()) ?? 0;
	let swPeak = swBaseline;
	let bothPeak = baseline + swBaseline;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			try {
				if (live) await Promise.all([cdp.send('HeapProfiler.collectGarbage'), sw?.collectGarbage()]);
				const [p, w] = await Promise.all([heap(), sw ? sw.used() : 0]);
				peak = Math.max(peak, p);
				swPeak = Math.max(swPeak, w);
				bothPeak = Math.max(bothPeak, p + w);
			} catch {
				break;
			}
			await new Promise((r) => setTimeout(r, 25));
		}
	})();
	try {
		const t0 = performance.now();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			exportButton(page).first().click()
		]);
		const file = await download.path();
		const ms = performance.now() - t0;
		const zip = zipInfo(file);
		return {
			// What the storage took (seeding stops where the quota refuses, and says so).
			count: seeded.count,
			asked: count,
			quotaStopped: seeded.quotaStopped,
			live,
			storedCrc: crc,
			originalBytes: seeded.originalBytes,
			photoBytes: seeded.originalBytes * seeded.count,
			zipBytes: statSync(file).size,
			entries: zip.entries,
			validZip: zip.valid,
			ms,
			mbPerSecond: statSync(file).size / 1e6 / (ms / 1000),
			pageHeapGrowth: peak - baseline,
			serviceWorker: Boolean(sw),
			swHeapGrowth: swPeak - swBaseline,
			heapBaseline: baseline + swBaseline,
			heapPeak: bothPeak,
			heapGrowth: bothPeak - baseline - swBaseline
		};
	} finally {
		sampling = false;
		await sampler;
		await sw?.close();
		await cdp.detach().catch(() => {});
	}
}

/**
 * Looks for Export; measures it at each count when it exists, with photos as the camera stores
 * them (their CRC-32 stored), then at `withoutCrc` photos stored before the app kept that
 * (the export computes their CRC), then at each of `liveCounts` with the heap sampled after
 * garbage collections (see exportOnce). Each run has a fresh context from `openContext`
 * (a persistent profile of its own: storage freed by clearing a store comes back lazily, and an
 * incognito context's quota, kept in memory, took only 500 camera photos here).
 */
export async function measureExport(openContext, { origin, counts, withoutCrc, liveCounts = [], initScript }) {
	const plan = [
		...counts.map((count) => ({ count, crc: true, live: false })),
		...(withoutCrc ? [{ count: withoutCrc, crc: false, live: false }] : []),
		...liveCounts.map((count) => ({ count, crc: true, live: true }))
	];
	const runs = [];
	let foundAt = null;
	for (const { count, crc, live } of plan) {
		const context = await openContext();
		await context.addInitScript({ path: initScript });
		// Headless Chromium has showSaveFilePicker, whose stream goes to a file with no download
		// event; measure the download path every browser has (the picker path writes the same ZIP).
		await context.addInitScript(() => {
			delete window.showSaveFilePicker;
		});
		const page = await context.newPage();
		try {
			await page.goto(`${origin}/gallery`);
			await waitForServiceWorker(page);
			await waitForAppDb(page);
			// A few photos, so a button that only shows when there is something to export can show.
			await seedPhotos(page, { count: 3 });
			foundAt = await findExport(page, origin);
			if (!foundAt) return { available: false, lookedAt: PLACES };
			runs.push(await exportOnce(page, origin, foundAt, { count, crc, live }));
		} catch (e) {
			runs.push({ count, storedCrc: crc, live, error: String(e.message ?? e).split('\n')[0] });
		} finally {
			await context.close();
		}
	}
	return { available: true, foundAt, runs };
}
