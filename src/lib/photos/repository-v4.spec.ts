/** Schema v4 and what it brought: strips (a photo record with its recipe), overlays, prints. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBoothDB } from './db';
import { Overlays } from './overlays';
import { PhotoRepository } from './repository';
import type { PhotoMeta } from './types';

let repo: PhotoRepository;
let store: Overlays;

beforeEach(async () => {
	await repo?.close();
	await store?.close();
	globalThis.indexedDB = new IDBFactory();
	repo = new PhotoRepository();
	store = new Overlays();
});

const jpeg = (n: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, n])], { type: 'image/jpeg' });
const recipe = { layout: 'strip-2x6' as const, stripShots: 4 as const, shots: ['a', 'b', 'c', 'd'], design: { caption: 'Party', date: true, background: 'classic' } };

describe('schema v4', () => {
	it('keeps v3 photos as they were when it adds the overlays store', async () => {
		const v3 = await openBoothDB({ version: 3 });
		const old = { id: 'p', takenAt: 5, width: 1, height: 1, type: 'image/jpeg', size: 4, camera: '', favorite: 1 } as PhotoMeta;
		await v3.put('photos', old);
		v3.close();
		expect(await repo.get('p')).toEqual(old);
		expect(await store.get('nothing')).toBeUndefined();
	});
});

describe('strips', () => {
	it('are photo records with their recipe, sorted with the photos', async () => {
		await repo.add({ id: 'a', blob: jpeg(1), width: 4, height: 3, camera: 'Cam', takenAt: 10 });
		const strip = await repo.add({ id: 's', blob: jpeg(2), width: 600, height: 1800, camera: 'Cam', takenAt: 20, strip: recipe });
		expect(strip).toMatchObject({ kind: 'strip', strip: recipe, width: 600, height: 1800 });
		expect((await repo.get('a'))?.kind).toBeUndefined();
		expect((await repo.page(10)).map((p) => p.id)).toEqual(['s', 'a']);
	});

	it('count their prints', async () => {
		await repo.add({ id: 's', blob: jpeg(2), width: 600, height: 1800, camera: '', strip: recipe });
		await repo.countPrints('s', 2);
		expect((await repo.countPrints('s', 1))?.prints).toBe(3);
		expect(await repo.countPrints('gone', 1)).toBeUndefined();
	});
});

describe('overlays', () => {
	it('are kept with their type and name, read back as images, and removed', async () => {
		const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
		const id = await store.add(png, 'frame.png');
		expect(await store.get(id)).toMatchObject({ id, type: 'image/png', name: 'frame.png' });
		expect([...new Uint8Array(await (await store.image(id))!.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(await store.add(png, 'kept id', 'from-backup')).toBe('from-backup');
		await store.remove(id);
		expect(await store.image(id)).toBeUndefined();
	});
});
