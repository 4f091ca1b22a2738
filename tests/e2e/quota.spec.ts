import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutable } from './browser';
import { test, expect } from './fixtures';
import { openEmptyGallery, seedPhotos, storedPhotos } from './seed';
import { zip } from './zip';

/** The fixtures' guard, for a page outside them: errors and off-machine requests are failures. */
function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
	page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (!/^(data|blob):/.test(r.url()) && url.hostname !== '127.0.0.1') problems.push(`request left the machine: ${r.url()}`);
	});
	return problems;
}

for (const form of ['backup', 'files'] as const) {
	test(`an import ${form === 'backup' ? 'of a backup' : 'of photo files'} that runs out of storage says so and loses nothing`, async ({ baseURL }) => {
		await quotaTest(baseURL!, form);
	});
}

async function quotaTest(baseURL: string, form: 'backup' | 'files'): Promise<void> {
	test.setTimeout(90_000);
	// Storage.overrideQuotaForOrigin is enforced for a profile on disk only; the incognito-like
	// contexts Playwright makes by default ignore it (measured: every write still succeeded).
	const profile = mkdtempSync(join(tmpdir(), 'photobooth-quota-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumExecutable(),
		baseURL,
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const problems = watch(page);
	try {
		await quotaJourney(page, baseURL, form);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	// A failed write is expected here and handled; it must not surface as an error in the console.
	expect(problems).toEqual([]);
}

const photosWord = (n: number) => `${n} photo${n === 1 ? '' : 's'}`;

/** Photo files come in through the import workers, a backup's photos through the page. */
async function quotaJourney(page: Page, baseURL: string, form: 'backup' | 'files'): Promise<void> {
	await openEmptyGallery(page);
	await page.evaluate(() => navigator.serviceWorker.ready);
	// Chromium's IndexedDB reads the origin's quota when it first writes data and keeps it, so the
	// override must come before any photo is stored (measured: set after a write, it is ignored).
	// Room for the 3 small photos below and a handful of the big ones, no more.
	const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
	const cdp = await page.context().newCDPSession(page);
	const origin = new URL(baseURL).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1_500_000 });

	await seedPhotos(page, { count: 3, prefix: 'kept' });

	// A backup of 30 photos of ~150 KB each (noise does not compress), drawn in the page.
	const photos = await page.evaluate(async () => {
		const out: string[] = [];
		for (let i = 0; i < 30; i++) {
			const c = new OffscreenCanvas(400, 300);
			const ctx = c.getContext('2d')!;
			const img = ctx.createImageData(400, 300);
			for (let p = 0; p < img.data.length; p++) img.data[p] = p % 4 === 3 ? 255 : Math.random() * 255;
			ctx.putImageData(img, 0, 0);
			const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
			let s = '';
			for (const b of bytes) s += String.fromCharCode(b);
			out.push(btoa(s));
		}
		return out;
	});
	const files: Record<string, Uint8Array> = {};
	const manifest = {
		format: 'photobooth-backup',
		version: 1,
		createdAt: new Date().toISOString(),
		settings: {},
		photos: photos.map((b64, i) => {
			const data = Buffer.from(b64, 'base64');
			files[`photos/p${i}.jpg`] = data;
			return {
				id: `big-${i}`,
				file: `photos/p${i}.jpg`,
				takenAt: 1_700_000_000_000 + i * 1000,
				width: 400,
				height: 300,
				type: 'image/jpeg',
				size: data.length,
				camera: 'Big',
				favorite: i % 2 === 0
			};
		})
	};
	const backup = await zip({ 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)), ...files });
	const chosen =
		form === 'backup'
			? [{ name: 'big-backup.zip', mimeType: 'application/zip', buffer: backup }]
			: Object.entries(files).map(([name, buffer]) => ({ name: name.slice('photos/'.length), mimeType: 'image/jpeg', buffer: Buffer.from(buffer) }));
	const isImported = (p: { id: string }) => !p.id.startsWith('kept');

	await page.reload();
	await expect(page.getByText('3 photos', { exact: true })).toBeVisible();
	const kept = await storedPhotos(page);

	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await chooser.setFiles(chosen);
	const result = page.getByRole('alert', { name: 'Import result' });
	await expect(result.getByRole('heading', { name: 'Storage is full' })).toBeVisible({ timeout: 30_000 });
	await expect(result).toContainText('Nothing was lost');

	// The photos that were there are untouched; each imported one is whole; some did not fit.
	const after = await storedPhotos(page);
	expect(after.filter((p) => p.id.startsWith('kept'))).toEqual(kept);
	const imported = after.filter(isImported);
	expect(imported.length).toBeGreaterThan(0);
	expect(imported.length).toBeLessThan(30);
	expect(after.every((p) => p.hasOriginal)).toBe(true);
	await expect(page.getByText(`${after.length} photos`, { exact: true })).toBeVisible();

	// With space again (a fresh page: the quota is read anew), the same import brings in the rest
	// and skips what already came.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	// Chromium keeps an origin's IndexedDB open for a grace period (about 2 s) after its last
	// connection closes, and with it the quota it read; a quick reload can reuse it. Leave the
	// origin long enough for it to close, as a person freeing space and coming back would.
	await page.goto('about:blank');
	await page.waitForTimeout(3_000);
	await page.goto('/gallery');
	await expect(page.getByText(`${after.length} photos`, { exact: true })).toBeVisible();
	const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
	await again.setFiles(chosen);
	// The toast says how it went; if the import stopped again, say what the report said instead.
	const toast = page.getByRole('status').getByText(`Imported ${photosWord(30 - imported.length)}, ${photosWord(imported.length)} already here`);
	const report = page.getByRole('alert', { name: 'Import result' });
	await expect(toast.or(report)).toBeVisible({ timeout: 60_000 });
	if (await report.isVisible()) throw new Error(`the second import stopped: ${await report.innerText()}`);
	expect((await storedPhotos(page)).filter((p) => isImported(p) && p.hasOriginal)).toHaveLength(30);
}
