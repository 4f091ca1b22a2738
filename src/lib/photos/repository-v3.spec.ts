/** Schema v3 and what it brought: favourites, the undoable trash, import. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPhotoChange, type PhotoChange } from './changes';
import { DB_VERSION, openBoothDB, storedBytes } from './db';
import { PhotoRepository, isQuotaError } from './repository';
import { crc32 } from '$lib/checksums/crc32';
import type { NewPhoto, PhotoMeta } from './types';

let repo: PhotoRepository;
let changes: PhotoChange[];
let unsubscribe: () => void;

beforeEach(async () => {
	await repo?.close();
	globalThis.indexedDB = new IDBFactory();
	repo = new PhotoRepository();
	changes = [];
	unsubscribe = onPhotoChange((c) => changes.push(c));
});

afterEach(() => unsubscribe());

const photo = (id: string, takenAt: number, extra: Partial<NewPhoto> = {}): NewPhoto => ({
	id,
	takenAt,
	blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, takenAt & 0xff])], { type: 'image/jpeg' }),
	width: 640,
	height: 480,
	camera: 'Cam',
	...extra
});

const meta = (id: string, takenAt: number, favorite: 0 | 1 = 0): PhotoMeta => ({
	id,
	takenAt,
	width: 10,
	height: 10,
	type: 'image/png',
	size: 3,
	camera: '',
	favorite
});

describe('upgrade from v2 to v3', () => {
	it('keeps every photo, original and thumbnail, and makes each a non-favourite', async () => {
		expect(DB_VERSION).toBe(4);
		const v2 = await openBoothDB({ version: 2 });
		const old = (id: string, takenAt: number) =>
			({ id, takenAt, width: 1280, height: 720, type: 'image/jpeg', size: 2, camera: 'Old' }) as PhotoMeta;
		const tx = v2.transaction(['photos', 'originals', 'thumbnails'], 'readwrite');
		await Promise.all([
			...[old('a', 3), old('b', 2), old('c', 1)].flatMap((m) => [
				tx.objectStore('photos').add(m),
				tx.objectStore('originals').add({ id: m.id, data: new Uint8Array([m.takenAt, 9]).buffer, type: m.type })
			]),
			tx.objectStore('thumbnails').add({ id: 'a', data: new Uint8Array([7]).buffer, type: 'image/jpeg', width: 1, height: 1 }),
			tx.done
		]);
		v2.close();

		expect(await repo.count()).toBe(3);
		expect(await repo.get('b')).toEqual({ ...old('b', 2), favorite: 0 });
		expect((await repo.page(10)).map((p) => [p.id, p.favorite])).toEqual([
			['a', 0],
			['b', 0],
			['c', 0]
		]);
		expect([...new Uint8Array(await storedBytes((await repo.readOriginal('c'))!.data))]).toEqual([1, 9]);
		expect(await repo.getThumbnail('a')).toBeInstanceOf(Blob);
		// The favourites index covers the upgraded photos.
		await repo.setFavorite('b', true);
		expect((await repo.page(10, undefined, { favorites: true })).map((p) => p.id)).toEqual(['b']);
	});
});

describe('favourites', () => {
	it('are set and cleared, announced, and paged newest first through their index', async () => {
		for (const [id, t] of [['a', 5], ['b', 4], ['c', 3], ['d', 2], ['e', 1]] as const) await repo.add(photo(id, t));
		await repo.add(photo('f', 0, { favorite: true }));
		changes = [];
		expect((await repo.setFavorite('b', true))?.favorite).toBe(1);
		await repo.setFavorite('d', true);
		await repo.setFavorite('e', true);
		await repo.setFavorite('e', false);
		expect(changes).toEqual([
			{ type: 'updated', id: 'b' },
			{ type: 'updated', id: 'd' },
			{ type: 'updated', id: 'e' },
			{ type: 'updated', id: 'e' }
		]);
		const first = await repo.page(2, undefined, { favorites: true });
		expect(first.map((p) => p.id)).toEqual(['b', 'd']);
		expect((await repo.page(2, first[1], { favorites: true })).map((p) => p.id)).toEqual(['f']);
		expect(await repo.setFavorite('nope', true)).toBeUndefined();
	});
});

describe('trash, untrash, purge', () => {
	beforeEach(async () => {
		for (const [id, t] of [['a', 3], ['b', 2], ['c', 1]] as const) await repo.add(photo(id, t));
		changes = [];
	});

	it('hides trashed photos at once, all in one go, and Undo brings them back whole', async () => {
		expect(await repo.trash(['a', 'c', 'missing'])).toEqual(['a', 'c']);
		expect(changes).toEqual([
			{ type: 'deleted', id: 'a' },
			{ type: 'deleted', id: 'c' }
		]);
		expect(await repo.count()).toBe(1);
		expect(await repo.get('a')).toBeUndefined();
		expect((await repo.page(10)).map((p) => p.id)).toEqual(['b']);

		expect(await repo.untrash(['a', 'c'])).toEqual(['a', 'c']);
		expect((await repo.page(10)).map((p) => p.id)).toEqual(['a', 'b', 'c']);
		expect((await storedBytes((await repo.readOriginal('a'))!.data)).byteLength).toBe(4);
		expect(await repo.purge({ olderThan: Date.now() + 1000 })).toBe(0); // nothing left in the trash
	});

	it('purges bytes and thumbnails for good, leaving photos put back alone', async () => {
		await repo.putThumbnail({ id: 'a', data: new ArrayBuffer(1), type: 'image/jpeg', width: 1, height: 1 });
		await repo.trash(['a', 'b']);
		await repo.untrash(['b']);
		expect(await repo.purge(['a', 'b'])).toBe(1);
		expect(await repo.readOriginal('a')).toBeUndefined();
		expect(await repo.getThumbnail('a')).toBeUndefined();
		expect(await repo.untrash(['a'])).toEqual([]);
		expect((await storedBytes((await repo.readOriginal('b'))!.data)).byteLength).toBe(4);
		expect(await repo.count()).toBe(2);
	});

	it('purges by age what no Undo can reach any more', async () => {
		await repo.trash(['a'], 1000);
		await repo.trash(['b'], 5000);
		expect(await repo.purge({ olderThan: 3000 })).toBe(1);
		expect(await repo.readOriginal('a')).toBeUndefined();
		expect(await repo.untrash(['b'])).toEqual(['b']);
	});
});

describe('importPhoto and existing', () => {
	it('adds a photo whole with its metadata as given, and skips ids already taken', async () => {
		const data = new Uint8Array([1, 2, 3]).buffer;
		expect(await repo.importPhoto({ meta: meta('x', 42, 1), data })).toBe('added');
		expect(await repo.get('x')).toEqual(meta('x', 42, 1));
		expect([...new Uint8Array(await storedBytes((await repo.readOriginal('x'))!.data))]).toEqual([1, 2, 3]);
		expect(changes).toEqual([{ type: 'added', id: 'x' }]);

		expect(await repo.importPhoto({ meta: { ...meta('x', 99), camera: 'other' }, data: new ArrayBuffer(9) })).toBe('exists');
		expect((await repo.get('x'))?.takenAt).toBe(42);

		await repo.trash(['x']);
		expect(await repo.importPhoto({ meta: meta('x', 42), data })).toBe('exists');
		expect([...(await repo.existing(['x', 'y']))]).toEqual(['x']);
	});

	it('stores a thumbnail that comes with the photo, under the photo id', async () => {
		const thumbnail = { id: 'other', data: new Uint8Array([5]).buffer, type: 'image/jpeg', width: 2, height: 1 };
		await repo.importPhoto({ meta: meta('t', 1), data: new ArrayBuffer(1), thumbnail });
		await repo.importPhoto({ meta: meta('u', 2), data: new ArrayBuffer(1) });
		expect((await repo.getThumbnails(['t']))[0]).toEqual({ ...thumbnail, id: 't' });
		expect([...(await repo.thumbnailIds())]).toEqual(['t']);
	});

	it('imports many in one transaction: a repeat in the batch, one already here and one in the trash are skipped; one message for them all', async () => {
		await repo.importPhoto({ meta: meta('here', 1), data: new ArrayBuffer(1) });
		await repo.importPhoto({ meta: meta('gone', 2), data: new ArrayBuffer(1) });
		await repo.trash(['gone']);
		changes = [];
		const data = new Blob([new Uint8Array([9, 8, 7])], { type: 'image/png' });
		const outcomes = await repo.importMany([
			{ meta: meta('a', 10), data, crc: 1234 },
			{ meta: meta('here', 11), data },
			{ meta: meta('b', 12), data, thumbnail: { id: 'b', data: new ArrayBuffer(2), type: 'image/jpeg', width: 2, height: 1 } },
			{ meta: meta('a', 13), data },
			{ meta: meta('gone', 14), data }
		]);
		expect(outcomes).toEqual(['added', 'exists', 'added', 'exists', 'exists']);
		expect(changes).toEqual([
			{ type: 'added', id: 'a' },
			{ type: 'added', id: 'b' }
		]);
		expect((await repo.get('a'))?.takenAt).toBe(10);
		expect((await repo.get('here'))?.takenAt).toBe(1);
		const original = (await repo.readOriginal('a'))!;
		expect([...new Uint8Array(await storedBytes(original.data))]).toEqual([9, 8, 7]);
		// The CRC the worker worked out is kept; without one, it is worked out from the bytes.
		expect(original.crc).toBe(1234);
		expect((await repo.readOriginal('b'))!.crc).toBe(crc32(new Uint8Array([9, 8, 7])));
		expect([...(await repo.thumbnailIds())]).toEqual(['b']);
	});

	it('reads many at once in the order asked', async () => {
		await repo.importPhoto({ meta: meta('p', 1), data: new ArrayBuffer(1) });
		await repo.importPhoto({ meta: meta('q', 2), data: new ArrayBuffer(1) });
		expect((await repo.getMany(['q', 'nope', 'p'])).map((m) => m?.id)).toEqual(['q', undefined, 'p']);
	});
});

describe('isQuotaError', () => {
	it('knows a quota failure from other errors', () => {
		expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError(new DOMException('The quota has been exceeded.', 'AbortError'))).toBe(true);
		expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
	});
});
