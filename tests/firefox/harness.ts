import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Locator, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { FIREFOX_MISSING, firefoxExecutable } from './browser';
import { countStoredPhotos } from '../shared/in-page';

/**
 * Firefox (Debian's firefox-esr), headless, driven over WebDriver BiDi by puppeteer-core.
 * One browser (a fresh temporary profile) per test file; each test gets its own BiDi user
 * context, so its IndexedDB, localStorage, service worker and caches start empty.
 */
export const FIREFOX_PREFS = {
	// A fake camera (Firefox's generated picture) that needs no permission prompt.
	'media.navigator.streams.fake': true,
	'media.navigator.permission.disabled': true
};

/** What a test works with; refreshed before each test. */
export interface Journey {
	page: Page;
	context: BrowserContext;
	/** Where this test's downloads land (set through BiDi's browser.setDownloadBehavior). */
	downloads: string;
	/** An address on the served production build. */
	url(path: string): string;
}

/**
 * Registers the hooks that launch Firefox for the file and give each test a clean context. Every
 * test fails on an uncaught error, a console error, or a request to any host but the local
 * server, as the Playwright journeys do.
 */
export function useFirefox(): Journey {
	const base = inject('firefoxBaseURL');
	let browser: Browser;
	let problems: string[] = [];
	const journey = { url: (path: string) => new URL(path, base).href } as Journey;

	beforeAll(async () => {
		const executablePath = firefoxExecutable();
		if (!executablePath) throw new Error(FIREFOX_MISSING);
		const started = performance.now();
		browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath,
			headless: true,
			protocol: 'webDriverBiDi',
			extraPrefsFirefox: FIREFOX_PREFS,
			defaultViewport: { width: 1280, height: 800 },
			timeout: 60_000
		});
		// For the log only (never asserted): a slow launch is worth seeing, not failing.
		console.log(`${await browser.version()} launched in ${Math.round(performance.now() - started)} ms`);
	});

	afterAll(async () => {
		await browser?.close();
	});

	beforeEach(async () => {
		problems = [];
		journey.downloads = mkdtempSync(join(tmpdir(), 'photobooth-firefox-downloads-'));
		journey.context = await browser.createBrowserContext({
			downloadBehavior: { policy: 'allow', downloadPath: journey.downloads }
		});
		const page = await journey.context.newPage();
		page.setDefaultTimeout(15_000);
		const local = new Set(['127.0.0.1', 'localhost', '[::1]']);
		page.on('pageerror', (e) => problems.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
		page.on('console', (m) => {
			if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
		});
		page.on('request', (r) => {
			const url = r.url();
			if (/^(data|blob|about):/.test(url)) return;
			if (!local.has(new URL(url).hostname)) problems.push(`request left the machine: ${url}`);
		});
		journey.page = page;
	});

	afterEach(async () => {
		await journey.context?.close();
		rmSync(journey.downloads, { recursive: true, force: true });
		expect(problems, 'no errors and no outside requests').toEqual([]);
	});

	return journey;
}

/** A `::-p-aria` selector: role and (whole) accessible name. */
export function aria(role: string, name?: string): string {
	if (name?.includes('"')) throw new Error(`accessible names with quotes are not supported here: ${name}`);
	return `::-p-aria(${name === undefined ? '' : `[name="${name}"]`}[role="${role}"])`;
}

/**
 * An element found by its role and accessible name, as a person finds it. Firefox computes the
 * name (BiDi browsingContext.locateNodes) and matches it whole: a label's hint text is part of
 * it. Firefox calls the role of <img> "image", not "img". Each search walks the page's
 * accessibility tree (about a second here), so `scope` (a region found once) narrows it.
 */
export function byRole(page: Page, role: string, name?: string, scope?: { role: string; name?: string }): Locator<Element> {
	return page.locator(scope ? `${aria(scope.role, scope.name)} ${aria(role, name)}` : aria(role, name));
}

/** An element inside a region already found (a dialog, a list): a search of that region only. */
export async function findIn(region: ElementHandle<Element>, role: string, name?: string): Promise<ElementHandle<Element>> {
	const found = await region.waitForSelector(aria(role, name));
	if (!found) throw new Error(`no ${role} named ${name ?? '(any)'} in the region`);
	return found;
}

/**
 * Waits for an element whose whole text is `text` (trimmed): "1 photo", and not "11 photos".
 * `within` narrows it to one region found before.
 */
export async function waitForText(page: Page, text: string, within?: ElementHandle<Element>): Promise<void> {
	const root = within ?? null;
	await page.waitForFunction(
		(scope, t) =>
			[...(scope ?? document.body).querySelectorAll('*')].some(
				(el) => el.textContent?.trim() === t && ![...el.children].some((c) => c.textContent?.trim() === t)
			),
		{ polling: 100 },
		root,
		text
	);
}

/** The camera page's live preview. */
export function preview(page: Page): Locator<Element> {
	return page.locator('::-p-aria(Camera preview)');
}

/** The video is playing a live stream: a decoded frame of some size, and frames that advance. */
export async function expectLivePreview(page: Page): Promise<{ width: number; height: number }> {
	const video = await preview(page).waitHandle();
	await expect
		.poll(() =>
			video.evaluate((v) => {
				const el = v as HTMLVideoElement;
				return el.srcObject instanceof MediaStream && el.readyState >= 2 && el.videoWidth > 0 && !el.paused;
			})
		)
		.toBe(true);
	// Frames presented to the screen (requestVideoFrameCallback), read twice: they move on.
	const presented = () =>
		video.evaluate(
			(v) =>
				new Promise<number>((resolve) =>
					(v as HTMLVideoElement).requestVideoFrameCallback((_now, meta) => resolve(meta.presentedFrames))
				)
		);
	const first = await presented();
	await expect.poll(presented).toBeGreaterThan(first);
	const size = await video.evaluate((v) => ({
		width: (v as HTMLVideoElement).videoWidth,
		height: (v as HTMLVideoElement).videoHeight
	}));
	await video.dispose();
	return size;
}

/** Opens the camera page and waits until the preview shows moving frames. */
export async function openCamera(journey: Journey): Promise<{ width: number; height: number }> {
	await journey.page.goto(journey.url('/'));
	return expectLivePreview(journey.page);
}

/** Presses the shutter as a person does and waits until the photo is stored. */
export async function takePhoto(page: Page): Promise<void> {
	const before = await savedCount(page);
	await byRole(page, 'button', 'Take photo').click();
	await expect.poll(() => savedCount(page)).toBe(before + 1);
	await waitForText(page, 'Photo saved');
}

/** The number of photos in IndexedDB, read as the app stores them. */
export function savedCount(page: Page): Promise<number> {
	return page.evaluate(countStoredPhotos);
}

export interface StoredPhoto {
	/** The size the app recorded for the photo. */
	meta: { width: number; height: number; type: string };
	/** How the original is kept: a Blob, or bytes (as the app does where Blobs are unsafe). */
	form: 'blob' | 'bytes';
	head: number[];
	/** The original decoded by the browser. */
	decoded: { width: number; height: number };
	/** Mean brightness of sampled pixels (0-255). */
	mean: number;
}

/** Every stored photo with its original decoded in the page (throws if one does not decode). */
export function storedPhotos(page: Page): Promise<StoredPhoto[]> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('photobooth');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const q = db.transaction(store).objectStore(store).getAll();
				q.onsuccess = () => resolve(q.result as T[]);
				q.onerror = () => reject(q.error);
			});
		const photos = await all<{ id: string; width: number; height: number; type: string }>('photos');
		const originals = await all<{ id: string; data: ArrayBuffer | Blob; type: string }>('originals');
		db.close();
		return Promise.all(
			photos.map(async (p) => {
				const o = originals.find((x) => x.id === p.id);
				if (!o) throw new Error(`photo ${p.id} has no original`);
				const blob = o.data instanceof Blob ? o.data : new Blob([o.data], { type: o.type });
				const bytes = new Uint8Array(await blob.arrayBuffer());
				const bmp = await createImageBitmap(blob);
				const canvas = new OffscreenCanvas(bmp.width, bmp.height);
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(bmp, 0, 0);
				const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
				let sum = 0;
				let n = 0;
				for (let i = 0; i < data.length; i += 4 * 997) {
					sum += data[i] + data[i + 1] + data[i + 2];
					n++;
				}
				const out = {
					meta: { width: p.width, height: p.height, type: p.type },
					form: (o.data instanceof Blob ? 'blob' : 'bytes') as 'blob' | 'bytes',
					head: Array.from(bytes.subarray(0, 3)),
					decoded: { width: bmp.width, height: bmp.height },
					mean: sum / n / 3
				};
				bmp.close();
				return out;
			})
		);
	});
}

/** The main navigation's link to a page. */
export function nav(page: Page, name: 'Camera' | 'Gallery' | 'Settings'): Locator<Element> {
	return byRole(page, 'link', name, { role: 'navigation', name: 'Main' });
}

/** Waits until the service worker is active and controls the page (the first visit installs it). */
export function serviceWorkerControls(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		}
		return navigator.serviceWorker.controller !== null;
	});
}

/**
 * The file Firefox finished downloading into `dir`: it writes NAME.part and renames it when
 * done, so a file without a .part beside it is complete.
 */
export async function downloadedFile(dir: string): Promise<string> {
	const complete = () => {
		const names = readdirSync(dir);
		if (names.some((n) => n.endsWith('.part'))) return [];
		return names.filter((n) => statSync(join(dir, n)).size > 0);
	};
	await expect.poll(complete, { message: `a finished download in ${dir}` }).toHaveLength(1);
	return join(dir, complete()[0]);
}
