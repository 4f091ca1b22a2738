import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Seeds photos straight into the app's IndexedDB, in the app's schema (photos, originals,
 * thumbnails), far faster than the shutter: for galleries of thousands, and for exact capture
 * times (same-second shots). A few small real JPEGs are drawn once in the page and reused.
 */
export interface SeedOptions {
	count: number;
	/** Capture time of the newest photo (ms); default now. */
	newest?: number;
	/** Time between photos, newest first (ms); default 7 minutes, so days hold a few hundred. */
	stepMs?: number;
	/** Explicit capture times (newest first); overrides newest/stepMs and count. */
	times?: number[];
	/** Every n-th photo is a favourite (0: none). */
	favoriteEvery?: number;
	/** Make the originals this size (noise compresses badly, so JPEGs get big). Default 64x48. */
	size?: { width: number; height: number; noise?: boolean };
	/** Id prefix, so two seedings do not collide. */
	prefix?: string;
	camera?: string;
	thumbnails?: boolean;
	/**
	 * How originals are stored: 'blob' with their CRC-32, as the app stores them in Chromium
	 * (the default); 'legacy' as bytes without a CRC, as photos taken before either was kept.
	 */
	form?: 'blob' | 'legacy';
}

/** Opens the gallery once so the app creates its database at its current version. */
export async function openEmptyGallery(page: Page): Promise<void> {
	await page.goto('/gallery');
	await expect(page.getByText('0 photos', { exact: true })).toBeVisible();
}

/** Seeds photos (see SeedOptions) and returns their ids, newest first. */
export async function seedPhotos(page: Page, opts: SeedOptions): Promise<string[]> {
	return page.evaluate(async (o) => {
		const { width, height, noise } = o.size ?? { width: 64, height: 48, noise: false };
		const variants: ArrayBuffer[] = [];
		const crcTable = Array.from({ length: 256 }, (_, n) => {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			return c >>> 0;
		});
		const crc32 = (bytes: Uint8Array) => {
			let c = -1;
			for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
			return (c ^ -1) >>> 0;
		};
		for (let v = 0; v < 6; v++) {
			const canvas = new OffscreenCanvas(width, height);
			const ctx = canvas.getContext('2d')!;
			const g = ctx.createLinearGradient(0, 0, width, height);
			g.addColorStop(0, `hsl(${v * 60} 80% 55%)`);
			g.addColorStop(1, `hsl(${v * 60 + 40} 70% 30%)`);
			ctx.fillStyle = g;
			ctx.fillRect(0, 0, width, height);
			if (noise) {
				const img = ctx.getImageData(0, 0, width, height);
				for (let i = 0; i < img.data.length; i += 4) {
					img.data[i] = Math.random() * 255;
					img.data[i + 1] = Math.random() * 255;
					img.data[i + 2] = Math.random() * 255;
				}
				ctx.putImageData(img, 0, 0);
			}
			const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
			variants.push(await blob.arrayBuffer());
		}
		const crcs = variants.map((v) => crc32(new Uint8Array(v)));
		const blobs = variants.map((v) => new Blob([v], { type: 'image/jpeg' }));
		const newest = o.newest ?? Date.now();
		const step = o.stepMs ?? 7 * 60_000;
		const times = o.times ?? Array.from({ length: o.count }, (_, i) => newest - i * step);
		const ids = times.map((_, i) => `${o.prefix ?? 'seed'}-${String(i).padStart(6, '0')}`);

		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('photobooth');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const stores = o.thumbnails === false ? ['photos', 'originals'] : ['photos', 'originals', 'thumbnails'];
		// A thousand per transaction: few commits, none too large.
		for (let start = 0; start < times.length; start += 1000) {
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction(stores, 'readwrite');
				for (let i = start; i < Math.min(start + 1000, times.length); i++) {
					const data = variants[i % variants.length];
					tx.objectStore('photos').put({
						id: ids[i],
						takenAt: times[i],
						width,
						height,
						type: 'image/jpeg',
						size: data.byteLength,
						camera: o.camera ?? 'Seed Cam',
						favorite: o.favoriteEvery && i % o.favoriteEvery === 0 ? 1 : 0
					});
					const v = i % variants.length;
					tx.objectStore('originals').put(
						o.form === 'legacy'
							? { id: ids[i], data, type: 'image/jpeg' }
							: { id: ids[i], data: blobs[v], type: 'image/jpeg', crc: crcs[v] }
					);
					if (o.thumbnails !== false) {
						tx.objectStore('thumbnails').put({ id: ids[i], data, type: 'image/jpeg', width, height });
					}
				}
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
				tx.onabort = () => reject(tx.error);
			});
		}
		db.close();
		return ids;
	}, opts);
}

/** Every stored photo's metadata, newest first, and whether its original bytes are there. */
export async function storedPhotos(
	page: Page
): Promise<{ id: string; takenAt: number; favorite: number; size: number; width: number; height: number; hasOriginal: boolean }[]> {
	return page.evaluate(async () => {
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
		const metas = await all<{ id: string; takenAt: number; favorite: number; size: number; width: number; height: number }>('photos');
		const originals = await all<{ id: string; data: ArrayBuffer | Blob }>('originals');
		db.close();
		const bytes = new Map(originals.map((o) => [o.id, o.data instanceof Blob ? o.data.size : o.data.byteLength]));
		return metas
			.map((m) => ({ id: m.id, takenAt: m.takenAt, favorite: m.favorite, size: m.size, width: m.width, height: m.height, hasOriginal: bytes.get(m.id) === m.size }))
			.sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));
	});
}

/** Deletes the app's database (the open app lets go of it) and reloads to an empty gallery. */
export async function clearAllPhotos(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.deleteDatabase('photobooth');
				req.onsuccess = () => resolve();
				req.onerror = () => reject(req.error);
			})
	);
	await page.reload();
	await expect(page.getByText('No photos yet')).toBeVisible();
}
