import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { Gallery, mergeNewestFirst, newestFirst } from './gallery.svelte';
import { PhotoRepository } from './repository';
import type { PhotoMeta } from './types';

const meta = (id: string, takenAt: number, favorite: 0 | 1 = 0): PhotoMeta => ({
	id,
	takenAt,
	width: 1,
	height: 1,
	type: 'image/jpeg',
	size: 1,
	camera: '',
	favorite
});

describe('mergeNewestFirst', () => {
	it('inserts a few by binary search and many by sorting, same order either way', () => {
		const list = [meta('e', 50), meta('c', 30), meta('a', 10)];
		expect(mergeNewestFirst(list, [meta('d', 40), meta('z', 60), meta('b', 10)]).map((p) => p.id)).toEqual([
			'z',
			'e',
			'd',
			'c',
			'b',
			'a'
		]);
		const many = Array.from({ length: 100 }, (_, i) => meta(`m${i}`, i * 3 + 1));
		const merged = mergeNewestFirst(list, many);
		expect(merged).toEqual([...list, ...many].sort(newestFirst));
	});
});

describe('Gallery', () => {
	let repo: PhotoRepository;
	const settle = () => new Promise((r) => setTimeout(r, 30));

	beforeEach(async () => {
		await repo?.close();
		globalThis.indexedDB = new IDBFactory();
		repo = new PhotoRepository();
	});

	it('shows a stream of batches (an import) at most once a second, and a single change at once', async () => {
		const g = new Gallery(repo);
		const stop = g.open();
		await g.reload();
		const batch = (from: number) =>
			repo.importMany(Array.from({ length: 20 }, (_, i) => ({ meta: meta(`b${from + i}`, from + i), data: new ArrayBuffer(1) })));
		await batch(0);
		await settle();
		expect(g.items).toHaveLength(20);
		await batch(100);
		await settle();
		expect(g.items).toHaveLength(20); // the next batch waits for its turn...
		await new Promise((r) => setTimeout(r, 1100));
		expect(g.items).toHaveLength(40); // ...and comes, whole
		await new Promise((r) => setTimeout(r, 1100));
		await repo.importPhoto({ meta: meta('one', 1000), data: new ArrayBuffer(1) });
		await settle();
		expect(g.items[0].id).toBe('one');
		stop();
	});

	it('loads newest first, follows adds, deletes and favourites, and filters favourites', async () => {
		for (let i = 0; i < 5; i++) await repo.importPhoto({ meta: meta(`p${i}`, i * 10), data: new ArrayBuffer(1) });
		const g = new Gallery(repo);
		const stop = g.open();
		await g.reload();
		expect(g.items.map((p) => p.id)).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
		expect(g.count).toBe(5);

		await repo.trash(['p1', 'p3', 'p4']);
		await repo.importPhoto({ meta: meta('new', 25), data: new ArrayBuffer(1) });
		await repo.setFavorite('p0', true);
		await settle();
		expect(g.items.map((p) => p.id)).toEqual(['new', 'p2', 'p0']);
		expect(g.indexOf('p0')).toBe(2);

		g.favoritesOnly = true;
		expect(g.items.map((p) => p.id)).toEqual(['p0']);
		expect(g.count).toBe(1);
		expect(g.totalCount).toBe(3);

		await repo.untrash(['p4']);
		await settle();
		g.favoritesOnly = false;
		expect(g.items.map((p) => p.id)).toEqual(['p4', 'new', 'p2', 'p0']);
		stop();
	});
});
