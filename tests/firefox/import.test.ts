import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { byRole, storedPhotos, useFirefox, waitForText } from './harness';

const ff = useFirefox();

describe('import in Firefox', () => {
	test('photo files come in through the import workers, each stored whole with its thumbnail', async () => {
		await ff.page.goto(ff.url('/gallery'));
		await waitForText(ff.page, '0 photos');
		// Twelve different JPEGs, drawn by Firefox itself.
		const jpegs = await ff.page.evaluate(async () => {
			const out: string[] = [];
			for (let i = 0; i < 12; i++) {
				const c = new OffscreenCanvas(160, 120);
				const ctx = c.getContext('2d')!;
				ctx.fillStyle = `hsl(${i * 30} 70% 50%)`;
				ctx.fillRect(0, 0, 160, 120);
				ctx.fillStyle = '#fff';
				ctx.fillRect(10 + i * 5, 10, 30, 30);
				const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
				let s = '';
				for (const b of bytes) s += String.fromCharCode(b);
				out.push(btoa(s));
			}
			return out;
		});
		const dir = mkdtempSync(join(tmpdir(), 'photobooth-firefox-import-'));
		try {
			const paths = jpegs.map((b64, i) => {
				const path = join(dir, `guest-${i}.jpg`);
				writeFileSync(path, Buffer.from(b64, 'base64'));
				return path;
			});
			const input = await ff.page.$('input[type=file][multiple]');
			await input!.uploadFile(...paths);
			await waitForText(ff.page, 'Imported 12 photos', await byRole(ff.page, 'status').waitHandle());
			await waitForText(ff.page, '12 photos');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		const stored = await storedPhotos(ff.page);
		expect(stored).toHaveLength(12);
		for (const p of stored) expect(p.decoded).toEqual({ width: p.meta.width, height: p.meta.height });
		// The thumbnails were made on the way in, at the thumbnail size, and decode.
		const thumbs = await ff.page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open('photobooth');
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const all = await new Promise<{ data: ArrayBuffer; type: string; width: number; height: number }[]>((resolve, reject) => {
				const q = db.transaction('thumbnails').objectStore('thumbnails').getAll();
				q.onsuccess = () => resolve(q.result);
				q.onerror = () => reject(q.error);
			});
			db.close();
			return Promise.all(
				all.map(async (t) => {
					const b = await createImageBitmap(new Blob([t.data], { type: t.type }));
					const size = `${t.width}x${t.height} ${b.width}x${b.height}`;
					b.close();
					return size;
				})
			);
		});
		expect(thumbs).toEqual(Array(12).fill('160x120 160x120'));
	});
});
