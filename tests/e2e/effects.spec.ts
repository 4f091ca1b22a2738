import { test, expect, openCamera, takePhotos, savedCount } from './fixtures';
import type { Page } from '@playwright/test';
import { violations } from './axe';

/**
 * A camera that shows one still picture, the same in every frame (a canvas stream in place of
 * the fake device): two shots differ only by what the booth did to them.
 */
async function stillCamera(page: Page): Promise<void> {
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
async function photoGrids(page: Page, n = 16): Promise<{ width: number; height: number; cells: number[][] }[]> {
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
async function previewGrid(page: Page, n = 16): Promise<number[][]> {
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

const mean = (cells: number[][], ch: number) => cells.reduce((s, c) => s + c[ch], 0) / cells.length;
/** Mean absolute difference of two grids over the cells `where` picks (0-255). */
function diff(a: number[][], b: number[][], n: number, where: (x: number, y: number) => boolean): number {
	let sum = 0;
	let count = 0;
	for (let i = 0; i < a.length; i++) {
		if (!where(i % n, Math.floor(i / n))) continue;
		sum += Math.abs(a[i][0] - b[i][0]) + Math.abs(a[i][1] - b[i][1]) + Math.abs(a[i][2] - b[i][2]);
		count += 3;
	}
	return sum / count;
}

async function pickEffect(page: Page, name: string): Promise<void> {
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog).toBeVisible();
	let button = dialog.getByRole('button', { name, exact: true });
	if (!(await button.isVisible())) await dialog.getByRole('button', { name: 'More effects' }).click();
	button = dialog.getByRole('button', { name, exact: true });
	await button.click();
	await expect(dialog).toBeHidden();
}

test('the picker shows live previews, nine a page, marks the current one, works by keyboard and is remembered', async ({ page }) => {
	// A long journey, with nine live previews drawn by software WebGL on this machine.
	test.slow();
	await openCamera(page);
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog).toBeVisible();
	const tiles = dialog.locator('button[aria-pressed]');
	await expect(tiles).toHaveCount(9);
	await expect(dialog.getByRole('button', { name: 'Normal', exact: true })).toHaveAttribute('aria-pressed', 'true');
	for (const name of ['Sepia', 'Black & white', 'Noir', 'Vivid', 'Comic', 'Thermal', 'X-ray', 'Pop art'])
		await expect(dialog.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'false');
	// Live: every tile's canvas is drawn (not blank), and again as the camera's frames come.
	const drawn = () =>
		dialog.locator('canvas').evaluateAll((all: HTMLCanvasElement[]) =>
			all.map((c) => (c.width > 16 ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.reduce((s, v) => s + v, 0) : 0))
		);
	await expect.poll(async () => (await drawn()).every((sum) => sum > 0)).toBe(true);
	const first = await drawn();
	await expect.poll(async () => (await drawn()).some((sum, i) => sum !== first[i])).toBe(true);
	expect(await violations(page), 'effects picker').toEqual([]);
	// The second page holds the distortions.
	await dialog.getByRole('button', { name: 'More effects' }).click();
	for (const name of ['Sketch', 'Bulge', 'Dent', 'Twirl', 'Squeeze', 'Stretch', 'Mirror', 'Kaleidoscope', 'Fisheye'])
		await expect(dialog.getByRole('button', { name, exact: true })).toBeVisible();
	await dialog.getByRole('button', { name: 'Previous effects' }).click();

	// Keyboard: the focus starts on the current effect; arrows move; Enter picks.
	await dialog.getByRole('button', { name: 'Normal', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(dialog.getByRole('button', { name: 'Sepia', exact: true })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Vivid', { exact: true })).toBeVisible();

	// Esc closes without changing it.
	await page.keyboard.press('e');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	await page.reload();
	await expect(page.getByText('Vivid', { exact: true })).toBeVisible();
	await page.keyboard.press('e');
	await expect(dialog.getByRole('button', { name: 'Vivid', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('Sepia warms the saved photo; Normal does not; the preview shows what is saved', async ({ page }) => {
	await stillCamera(page);
	await openCamera(page);
	await takePhotos(page, 1);
	await pickEffect(page, 'Sepia');
	await expect(page.locator('canvas.fx')).toBeVisible();
	await takePhotos(page, 1);
	const preview = await previewGrid(page);
	const [sepia, normal] = await photoGrids(page);
	expect(mean(normal.cells, 0) - mean(normal.cells, 2)).toBeLessThan(10);
	expect(mean(sepia.cells, 0) - mean(sepia.cells, 2)).toBeGreaterThan(25);
	// Full size, and the preview's pixels are the saved photo's.
	expect([sepia.width, sepia.height]).toEqual([normal.width, normal.height]);
	const all = () => true;
	expect(diff(preview, sepia.cells, 16, all)).toBeLessThan(6);
	expect(diff(preview, normal.cells, 16, all)).toBeGreaterThan(20);
});

test('Twirl turns the middle of the photo and leaves its corners; the preview shows it the same', async ({ page }) => {
	await stillCamera(page);
	await openCamera(page);
	await takePhotos(page, 1);
	await pickEffect(page, 'Twirl');
	await takePhotos(page, 1);
	const preview = await previewGrid(page);
	const [twirl, normal] = await photoGrids(page);
	const middle = (x: number, y: number) => x >= 5 && x <= 10 && y >= 5 && y <= 10;
	const corners = (x: number, y: number) => (x <= 1 || x >= 14) && (y <= 1 || y >= 14);
	expect(diff(twirl.cells, normal.cells, 16, middle)).toBeGreaterThan(25);
	expect(diff(twirl.cells, normal.cells, 16, corners)).toBeLessThan(4);
	expect(diff(preview, twirl.cells, 16, () => true)).toBeLessThan(8);
});

test('a burst with an effect has it on every shot', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, mode: 'burst', burstCount: 3, burstInterval: 300, effect: 'sepia' }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await stillCamera(page);
	await openCamera(page);
	await expect(page.getByText('Sepia', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Take photo', exact: true }).click();
	await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(3);
	for (const shot of await photoGrids(page)) expect(mean(shot.cells, 0) - mean(shot.cells, 2)).toBeGreaterThan(25);
});

test('without WebGL the picker says so and the booth shoots without effects', async ({ page }) => {
	await page.addInitScript(() => {
		localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, effect: 'sepia' }));
		const get = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
			if (kind === 'webgl' || kind === 'webgl2' || kind === 'experimental-webgl') return null;
			return (get as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
		} as typeof get;
	});
	await stillCamera(page);
	await openCamera(page);
	await page.getByRole('button', { name: 'Effects', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Effects' });
	await expect(dialog.getByText(/Effects need WebGL/)).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Sepia', exact: true })).toBeDisabled();
	await page.keyboard.press('Escape');
	await expect(page.locator('canvas.fx')).toHaveCount(0);
	await takePhotos(page, 1);
	const [plain] = await photoGrids(page);
	expect(mean(plain.cells, 0) - mean(plain.cells, 2)).toBeLessThan(10);
});

test('a lost WebGL context is restored without a reload', async ({ page }) => {
	await page.addInitScript(() => {
		localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, effect: 'sepia' }));
	});
	await stillCamera(page);
	await openCamera(page);
	const fx = page.locator('canvas.fx');
	await expect(fx).toBeVisible();
	const warm = () => previewGrid(page).then((g) => mean(g, 0) - mean(g, 2));
	await expect.poll(warm).toBeGreaterThan(25);
	await fx.evaluate(async (c: HTMLCanvasElement) => {
		const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
		const ext = gl.getExtension('WEBGL_lose_context')!;
		ext.loseContext();
		await new Promise((r) => setTimeout(r, 300));
		ext.restoreContext();
	});
	await expect.poll(warm).toBeGreaterThan(25);
	await takePhotos(page, 1);
	const [shot] = await photoGrids(page);
	expect(mean(shot.cells, 0) - mean(shot.cells, 2)).toBeGreaterThan(25);
});
