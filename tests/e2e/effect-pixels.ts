import type { Page } from '@playwright/test';
import { expect, takePhotos } from './fixtures';

/** Helpers for the effects journeys: a still camera, and pixels read back as small grids. */

/**
 * A camera that shows one still picture, the same in every frame (a canvas stream in place of
 * the fake device): two shots differ only by what the booth did to them. Its frames are RGB
 * (STILL_VIDEO_FILE is the same picture as a camera's YUV frames).
 */
export async function stillCamera(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 1280;
		canvas.height = 720;
		const ctx = canvas.getContext('2d')!;
		const paint = () => {
			// Four coloured quarters (as much red as blue in all) and a checkerboard in the middle.
			const colours = ['#d04040', '#40a040', '#4040d0', '#a040a0'];
			colours.forEach((c, i) => {
				ctx.fillStyle = c;
				ctx.fillRect((i % 2) * 640, Math.floor(i / 2) * 360, 640, 360);
			});
			for (let y = 0; y < 8; y++)
				for (let x = 0; x < 8; x++) {
					ctx.fillStyle = (x + y) % 2 ? '#f4f4f4' : '#141414';
					ctx.fillRect(400 + x * 60, 120 + y * 60, 60, 60);
				}
		};
		paint();
		const stream = canvas.captureStream(30);
		// Painted again and again: a canvas stream sends a frame only when the canvas changes.
		setInterval(paint, 33);
		navigator.mediaDevices.getUserMedia = async () => stream.clone();
	});
}

/** The stored photos' pixels, newest first, each averaged into a grid of `n` x `n` cells (RGB). */
export async function photoGrids(page: Page, n = 16): Promise<{ width: number; height: number; cells: number[][] }[]> {
	return page.evaluate(async (n) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('photobooth');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => resolve(req.result as T[]);
				req.onerror = () => reject(req.error);
			});
		const metas = await all<{ id: string; takenAt: number }>('photos');
		const originals = new Map((await all<{ id: string; data: Blob | ArrayBuffer; type: string }>('originals')).map((o) => [o.id, o]));
		db.close();
		metas.sort((a, b) => b.takenAt - a.takenAt);
		const out = [];
		for (const m of metas) {
			const o = originals.get(m.id)!;
			const bitmap = await createImageBitmap(o.data instanceof Blob ? o.data : new Blob([o.data], { type: o.type }));
			const c = new OffscreenCanvas(n, n);
			const ctx = c.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0, n, n);
			const d = ctx.getImageData(0, 0, n, n).data;
			const cells = [];
			for (let i = 0; i < n * n; i++) cells.push([d[i * 4], d[i * 4 + 1], d[i * 4 + 2]]);
			out.push({ width: bitmap.width, height: bitmap.height, cells });
		}
		return out;
	}, n);
}

/** What the effect canvas over the preview shows, averaged the same way. */
export async function previewGrid(page: Page, n = 16): Promise<number[][]> {
	return page.locator('canvas.fx').evaluate((canvas: HTMLCanvasElement, n) => {
		const c = document.createElement('canvas');
		c.width = n;
		c.height = n;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(canvas, 0, 0, n, n);
		const d = ctx.getImageData(0, 0, n, n).data;
		const cells = [];
		for (let i = 0; i < n * n; i++) cells.push([d[i * 4], d[i * 4 + 1], d[i * 4 + 2]]);
		return cells;
	}, n);
}

/**
 * What the person sees of the effect canvas (a screenshot of it, so its mirror and crop as
 * shown), averaged the same way.
 */
export async function shownGrid(page: Page, n = 16): Promise<number[][]> {
	const png = (await page.locator('canvas.fx').screenshot({ animations: 'disabled' })).toString('base64');
	return page.evaluate(
		async ({ png, n }) => {
			const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const c = new OffscreenCanvas(n, n);
			const ctx = c.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0, n, n);
			const d = ctx.getImageData(0, 0, n, n).data;
			const cells = [];
			for (let i = 0; i < n * n; i++) cells.push([d[i * 4], d[i * 4 + 1], d[i * 4 + 2]]);
			return cells;
		},
		{ png, n }
	);
}

export const mean = (cells: number[][], ch: number) => cells.reduce((s, c) => s + c[ch], 0) / cells.length;
/** Mean absolute difference of two grids over the cells `where` picks (0-255). */
export function diff(a: number[][], b: number[][], n: number, where: (x: number, y: number) => boolean): number {
	let sum = 0;
	let count = 0;
	for (let i = 0; i < a.length; i++) {
		if (!where(i % n, Math.floor(i / n))) continue;
		sum += Math.abs(a[i][0] - b[i][0]) + Math.abs(a[i][1] - b[i][1]) + Math.abs(a[i][2] - b[i][2]);
		count += 3;
	}
	return sum / count;
}

export async function pickEffect(page: Page, name: string): Promise<void> {
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog).toBeVisible();
	let button = dialog.getByRole('button', { name, exact: true });
	if (!(await button.isVisible())) await dialog.getByRole('button', { name: 'More effects' }).click();
	button = dialog.getByRole('button', { name, exact: true });
	await button.click();
	await expect(dialog).toBeHidden();
}

/**
 * Shoots with Normal, then with Sepia, on an open camera showing the still picture: the Sepia
 * photo is warm where Normal's is not, full size, and what the preview showed.
 */
export async function sepiaIsThePreview(page: Page): Promise<void> {
	await takePhotos(page, 1);
	await pickEffect(page, 'Sepia');
	await expect(page.locator('canvas.fx')).toBeVisible();
	await takePhotos(page, 1);
	const preview = await previewGrid(page);
	const [sepia, normal] = await photoGrids(page);
	expect(mean(normal.cells, 0) - mean(normal.cells, 2)).toBeLessThan(10);
	expect(mean(sepia.cells, 0) - mean(sepia.cells, 2)).toBeGreaterThan(25);
	expect([sepia.width, sepia.height]).toEqual([normal.width, normal.height]);
	expect(diff(preview, sepia.cells, 16, () => true)).toBeLessThan(6);
	expect(diff(preview, normal.cells, 16, () => true)).toBeGreaterThan(20);
}
