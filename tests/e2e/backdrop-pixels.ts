import type { Page } from '@playwright/test';
import { expect, savedCount } from './fixtures';
import { PERSON_TEXTURE, PERSON_VIDEO_SIZE } from './paths';

/**
 * Helpers for the backdrop journeys, on the person camera (PERSON_VIDEO_FILE): a head and
 * shoulders in the middle of a light wall whose corners carry a fine grid of lines.
 */

export type Rgb = [number, number, number];

/** The backdrops' colours, as the issue gives them. */
export const PINK: Rgb = [0xff, 0x4d, 0x9d];
export const TEAL: Rgb = [0x14, 0xb8, 0xa6];

/** Areas of the person's picture, in its own pixels (640x480): [x, y, width, height]. */
type Area = [number, number, number, number];
const { width: W, height: H } = PERSON_VIDEO_SIZE;
/** Four 30x30 corners, 10 px in: wall (its textured part) on the camera, backdrop with one. */
const CORNERS: Area[] = [
	[10, 10, 30, 30],
	[W - 40, 10, 30, 30],
	[10, H - 40, 30, 30],
	[W - 40, H - 40, 30, 30]
];
/** The face's middle, below the eyes and above the mouth (skin and the nose's line). */
const FACE: Area = [290, 192, 60, 26];
/** Most of each corner's textured wall, for sharpness: fine lines every 8 px. */
const TEXTURE: Area[] = [
	[8, 8, PERSON_TEXTURE.width - 16, PERSON_TEXTURE.height - 16],
	[W - PERSON_TEXTURE.width + 8, 8, PERSON_TEXTURE.width - 16, PERSON_TEXTURE.height - 16],
	[8, H - PERSON_TEXTURE.height + 8, PERSON_TEXTURE.width - 16, PERSON_TEXTURE.height - 16],
	[W - PERSON_TEXTURE.width + 8, H - PERSON_TEXTURE.height + 8, PERSON_TEXTURE.width - 16, PERSON_TEXTURE.height - 16]
];
/** The face's features (brows, eyes, nose, mouth), for sharpness. */
const FEATURES: Area = [262, 150, 116, 96];

export interface PhotoMeasure {
	width: number;
	height: number;
	/** Mean colour of each corner area. */
	corners: Rgb[];
	/** Mean colour of the face's middle. */
	face: Rgb;
	/** Variance of a 3x3 Laplacian of the grey values: over the textured corners, and the face. */
	sharpness: { corners: number; face: number };
}

/** Picks a backdrop in the Effects dialog's Backdrop group; that closes the dialog. */
export async function pickBackdrop(page: Page, name: string): Promise<void> {
	const dialog = await openEffects(page);
	await dialog.getByRole('group', { name: 'Backdrop' }).getByRole('button', { name, exact: true }).click();
	await expect(dialog).toBeHidden();
}

/** Opens the Effects dialog and waits for its Backdrop group. */
export async function openEffects(page: Page) {
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('group', { name: 'Backdrop' })).toBeVisible();
	return dialog;
}

/**
 * One press of the shutter, waiting until the photo is stored. The first shot with a backdrop
 * waits for the segmentation model to load (WASM compile and model, on a loaded machine), so
 * this allows more than takePhotos() does.
 */
export async function shoot(page: Page): Promise<void> {
	const before = await savedCount(page);
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page), { timeout: 45_000 }).toBe(before + 1);
	await expect(page.getByText('Photo saved')).toBeAttached();
}

/**
 * Measures the newest stored photo, read from IndexedDB as the app stores it, without leaving
 * the camera (leaving would restart the camera and the segmentation).
 */
export async function measureStored(page: Page): Promise<PhotoMeasure> {
	return measure(page, 'stored');
}

/** Opens the latest photo in the viewer (the full-size image) and measures it there. */
export async function measureInViewer(page: Page): Promise<PhotoMeasure> {
	await page.getByRole('link', { name: 'Open latest photo' }).click();
	const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
	await expect(viewer).toBeVisible();
	const img = viewer.getByRole('img');
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
	return measure(page, 'viewer');
}

/** Areas are scaled from the camera's 640x480 to the photo's size. */
async function measure(page: Page, from: 'viewer' | 'stored'): Promise<PhotoMeasure> {
	const measured = await page.evaluate(
		async ({ from, W, CORNERS, FACE, TEXTURE, FEATURES }) => {
			let source: CanvasImageSource;
			let w: number;
			let h: number;
			if (from === 'viewer') {
				const img = document.querySelector<HTMLImageElement>('[role="dialog"] img')!;
				await img.decode();
				[source, w, h] = [img, img.naturalWidth, img.naturalHeight];
			} else {
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
				const originals = await all<{ id: string; data: Blob | ArrayBuffer; type: string }>('originals');
				db.close();
				const newest = metas.reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
				const o = originals.find((x) => x.id === newest.id)!;
				const bitmap = await createImageBitmap(o.data instanceof Blob ? o.data : new Blob([o.data], { type: o.type }));
				[source, w, h] = [bitmap, bitmap.width, bitmap.height];
			}
			const c = new OffscreenCanvas(w, h);
			const ctx = c.getContext('2d', { willReadFrequently: true })!;
			ctx.drawImage(source, 0, 0);
			const k = w / W;
			const read = ([x, y, aw, ah]: number[]) =>
				ctx.getImageData(Math.round(x * k), Math.round(y * k), Math.max(3, Math.round(aw * k)), Math.max(3, Math.round(ah * k)));
			const meanRgb = (a: number[]) => {
				const d = read(a).data;
				const s = [0, 0, 0];
				for (let i = 0; i < d.length; i += 4) for (let ch = 0; ch < 3; ch++) s[ch] += d[i + ch];
				return s.map((v) => v / (d.length / 4));
			};
			const laplacianVariance = (a: number[]) => {
				const im = read(a);
				const grey = new Float32Array(im.width * im.height);
				for (let i = 0; i < grey.length; i++)
					grey[i] = 0.299 * im.data[i * 4] + 0.587 * im.data[i * 4 + 1] + 0.114 * im.data[i * 4 + 2];
				let sum = 0;
				let sum2 = 0;
				let n = 0;
				for (let y = 1; y < im.height - 1; y++)
					for (let x = 1; x < im.width - 1; x++) {
						const i = y * im.width + x;
						const l = grey[i - 1] + grey[i + 1] + grey[i - im.width] + grey[i + im.width] - 4 * grey[i];
						sum += l;
						sum2 += l * l;
						n++;
					}
				return sum2 / n - (sum / n) ** 2;
			};
			const corners = TEXTURE.map(laplacianVariance);
			return {
				width: w,
				height: h,
				corners: CORNERS.map(meanRgb),
				face: meanRgb(FACE),
				sharpness: { corners: corners.reduce((s, v) => s + v, 0) / corners.length, face: laplacianVariance(FEATURES) }
			};
		},
		{ from, W, CORNERS, FACE, TEXTURE, FEATURES }
	);
	return measured as PhotoMeasure;
}

/** The largest difference of one channel between two colours. */
export const maxDiff = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
/** How far a colour is from grey: its largest channel minus its smallest. */
export const spread = (c: number[]): number => Math.max(...c) - Math.min(...c);
export const level = (c: number[]): number => (c[0] + c[1] + c[2]) / 3;
const hex = (c: number[]) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/** Every corner is within `tolerance` of `colour` in every channel. */
export function expectCornersNear(m: PhotoMeasure, colour: Rgb, tolerance = 30): void {
	for (const [i, c] of m.corners.entries())
		expect(maxDiff(c, colour), `corner ${i} is ${hex(c)}, not near ${hex(colour)}`).toBeLessThanOrEqual(tolerance);
}

/** The face is not the backdrop's colour: the person was kept. */
export function expectFaceNotNear(m: PhotoMeasure, colour: Rgb): void {
	expect(maxDiff(m.face, colour), `the face is ${hex(m.face)}, too near ${hex(colour)}`).toBeGreaterThan(60);
}

/** A small PNG of one colour (for "Import an image"). */
export async function solidPng(page: Page, fill: string): Promise<Buffer> {
	const b64 = await page.evaluate(async (fill) => {
		const c = new OffscreenCanvas(160, 120);
		const ctx = c.getContext('2d')!;
		ctx.fillStyle = fill;
		ctx.fillRect(0, 0, 160, 120);
		const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
		let s = '';
		for (const b of bytes) s += String.fromCharCode(b);
		return btoa(s);
	}, fill);
	return Buffer.from(b64, 'base64');
}

/** The stored settings, as the booth keeps them. */
export async function storedSettings(page: Page): Promise<Record<string, unknown>> {
	return page.evaluate(() => JSON.parse(localStorage.getItem('photobooth.settings') ?? '{}'));
}
