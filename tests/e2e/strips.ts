/** Helpers for the strip journeys: settings, a strip session, and reading a strip's pixels. */
import type { Page } from '@playwright/test';
import { expect, openCamera, savedCount } from './fixtures';

/**
 * Strip mode with these settings (on the first load only), window.print() stubbed (headless
 * never finishes a print) and no save picker (headless never answers it: archives download).
 */
export async function stripSettings(page: Page, values: Record<string, unknown>): Promise<void> {
	await page.addInitScript((v) => {
		delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
		(window as unknown as { __prints: number }).__prints = 0;
		window.print = () => void (window as unknown as { __prints: number }).__prints++;
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'strip', ...v }));
			sessionStorage.setItem('seeded', '1');
		}
	}, values);
}

/** Presses the shutter once and waits until the session's photos and its strip are stored. */
export async function shootStrip(page: Page, shots: number): Promise<void> {
	await openCamera(page);
	const before = await savedCount(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	// A 3 s countdown before each shot, then the strip.
	await expect.poll(() => savedCount(page), { timeout: 15_000 + shots * 8_000 }).toBe(before + shots + 1);
	await expect(page.getByRole('button', { name: 'Take photo', exact: true })).toBeVisible();
}

/** The photos and strips stored, newest first, as the app keeps them. */
export function storedItems(page: Page): Promise<{ id: string; kind?: string; width: number; height: number; strip?: { layout: string; shots: string[]; overlay?: string; design: { caption: string } } }[]> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('photobooth');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const all = req.result.transaction('photos').objectStore('photos').getAll();
					all.onsuccess = () => {
						req.result.close();
						resolve((all.result as { takenAt: number }[]).sort((a, b) => b.takenAt - a.takenAt) as never);
					};
				};
			})
	);
}

/**
 * The mean colour of each rectangle of an image (in page), and its size: enough to tell whether
 * cells hold different frames and whether an overlay covers a place.
 */
export function regionMeans(
	page: Page,
	bytes: Buffer,
	rects: { x: number; y: number; width: number; height: number }[]
): Promise<{ width: number; height: number; means: number[][]; samples: number[][] }> {
	return page.evaluate(
		async ({ b64, rects }) => {
			const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bin]));
			const c = new OffscreenCanvas(bitmap.width, bitmap.height);
			const ctx = c.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0);
			const means: number[][] = [];
			const samples: number[][] = [];
			for (const r of rects) {
				const d = ctx.getImageData(Math.round(r.x), Math.round(r.y), Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height))).data;
				const sum = [0, 0, 0];
				for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += d[i + k];
				means.push(sum.map((s) => s / (d.length / 4)));
				// A 48x48 grey sketch of the rectangle, to tell frames apart by their content (the
				// fake camera's clock moves between shots where its pattern may look alike).
				const small = new OffscreenCanvas(48, 48);
				const sctx = small.getContext('2d')!;
				sctx.drawImage(c, r.x, r.y, r.width, r.height, 0, 0, 48, 48);
				const s = sctx.getImageData(0, 0, 48, 48).data;
				samples.push(Array.from({ length: 48 * 48 }, (_, i) => (s[i * 4] + s[i * 4 + 1] + s[i * 4 + 2]) / 3));
			}
			return { width: bitmap.width, height: bitmap.height, means, samples };
		},
		{ b64: bytes.toString('base64'), rects }
	);
}

/**
 * How different two sketches are: the largest difference of one grey. The same frame drawn in
 * two cells differs only by JPEG noise (a few levels); two frames differ where anything moved.
 */
export function sketchDistance(a: number[], b: number[]): number {
	return a.reduce((n, v, i) => Math.max(n, Math.abs(v - b[i])), 0);
}

/** A 1200 x 1800 PNG overlay made in the page: an opaque red frame 150 px wide, clear inside. */
export async function frameOverlay(page: import('@playwright/test').Page): Promise<Buffer> {
	const b64 = await page.evaluate(async () => {
		const c = new OffscreenCanvas(1200, 1800);
		const ctx = c.getContext('2d')!;
		ctx.fillStyle = '#ff0000';
		ctx.fillRect(0, 0, 1200, 1800);
		ctx.clearRect(150, 150, 900, 1500);
		const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
		let s = '';
		for (const b of bytes) s += String.fromCharCode(b);
		return btoa(s);
	});
	return Buffer.from(b64, 'base64');
}
