import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onPhotoChange, type PhotoChange } from './changes';
import { DB_NAME, DB_VERSION, openBoothDB, storedBytes } from './db';
import { crc32 } from '$lib/checksums/crc32';
import { PhotoRepository, newPhotoId } from './repository';
import type { NewPhoto, PhotoMeta, StoredThumbnail } from './types';

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

afterEach(() => {
	unsubscribe();
});

function bytes(...values: number[]): Uint8Array<ArrayBuffer> {
	return new Uint8Array(values);
}

function jpeg(content: Uint8Array<ArrayBuffer> = bytes(0xff, 0xd8, 0xff, 1, 2, 3), type = 'image/jpeg') {
	return new Blob([content], { type });
}

async function blobBytes(blob: Blob | undefined): Promise<number[]> {
	expect(blob).toBeInstanceOf(Blob);
	return [...new Uint8Array(await blob!.arrayBuffer())];
}

function photo(overrides: Partial<NewPhoto> = {}): NewPhoto {
	return { blob: jpeg(), width: 640, height: 480, camera: 'Test Cam', ...overrides };
}

function thumb(id: string, data = bytes(9, 8, 7)): StoredThumbnail {
	return { id, data: data.buffer, type: 'image/jpeg', width: 32, height: 24 };
}

/** Adds photos with the given [id, takenAt] pairs, in the given order. */
async function addAll(entries: [string, number][]): Promise<PhotoMeta[]> {
	const out: PhotoMeta[] = [];
	for (const [id, takenAt] of entries) out.push(await repo.add(photo({ id, takenAt })));
	return out;
}

/** Reads every photo by paging `size` at a time. */
async function pageThrough(size: number): Promise<string[][]> {
	const pages: string[][] = [];
	let page = await repo.page(size);
	while (page.length) {
		pages.push(page.map((p) => p.id));
		if (page.length < size) break;
		page = await repo.page(size, page[page.length - 1]);
	}
	return pages;
}

describe('newPhotoId', () => {
	it('gives distinct UUIDs', () => {
		const a = newPhotoId();
		const b = newPhotoId();
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(a).not.toBe(b);
	});
});

describe('PhotoRepository.add / get / getOriginal', () => {
	it('returns the metadata of the saved photo', async () => {
		const meta = await repo.add(
			photo({ id: 'p1', takenAt: 1_700_000_000_000, width: 1920, height: 1080, camera: 'FaceTime HD' })
		);
		expect(meta).toEqual({
			id: 'p1',
			takenAt: 1_700_000_000_000,
			width: 1920,
			height: 1080,
			type: 'image/jpeg',
			size: 6,
			camera: 'FaceTime HD',
			favorite: 0
		});
	});

	it('reads the metadata back with get()', async () => {
		const meta = await repo.add(photo({ id: 'p1', takenAt: 5 }));
		expect(await repo.get('p1')).toEqual(meta);
		expect(await repo.get('missing')).toBeUndefined();
	});

	it('takes the type from the blob and the size from its byte length', async () => {
		const data = new Uint8Array(1234).map((_, i) => i % 251);
		const meta = await repo.add(photo({ blob: new Blob([data], { type: 'image/png' }) }));
		expect(meta.type).toBe('image/png');
		expect(meta.size).toBe(1234);
		expect((await repo.get(meta.id))?.size).toBe(1234);
	});

	it('stores a blob without a type as application/octet-stream', async () => {
		const meta = await repo.add(photo({ blob: new Blob([bytes(1, 2)]) }));
		expect(meta.type).toBe('application/octet-stream');
		expect((await repo.getOriginal(meta.id))?.type).toBe('application/octet-stream');
	});

	it('makes up an id and a capture time when none are given', async () => {
		const before = Date.now();
		const a = await repo.add(photo());
		const b = await repo.add(photo());
		const after = Date.now();
		expect(a.id).toEqual(expect.any(String));
		expect(a.id.length).toBeGreaterThan(0);
		expect(a.id).not.toBe(b.id);
		expect(a.takenAt).toBeGreaterThanOrEqual(before);
		expect(a.takenAt).toBeLessThanOrEqual(after);
		expect(await repo.get(a.id)).toEqual(a);
	});

	it('keeps the camera label, even an empty one', async () => {
		const meta = await repo.add(photo({ camera: '' }));
		expect(meta.camera).toBe('');
		expect((await repo.get(meta.id))?.camera).toBe('');
	});

	it('returns the original as a Blob with the same bytes and type', async () => {
		const content = bytes(0x89, 0x50, 0x4e, 0x47, 0, 255, 17);
		await repo.add(photo({ id: 'p1', blob: new Blob([content], { type: 'image/png' }) }));
		const original = await repo.getOriginal('p1');
		expect(original).toBeInstanceOf(Blob);
		expect(original!.type).toBe('image/png');
		expect(original!.size).toBe(7);
		expect(await blobBytes(original)).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255, 17]);
	});

	it('returns undefined for the original of an unknown photo', async () => {
		expect(await repo.getOriginal('nope')).toBeUndefined();
	});

	it('rejects a second photo with the same id and keeps the first intact', async () => {
		await repo.add(photo({ id: 'p1', takenAt: 1, blob: jpeg(bytes(1, 1, 1)) }));
		changes.length = 0;
		await expect(
			repo.add(photo({ id: 'p1', takenAt: 2, blob: jpeg(bytes(2, 2)) }))
		).rejects.toBeTruthy();
		expect((await repo.get('p1'))?.takenAt).toBe(1);
		expect(await blobBytes(await repo.getOriginal('p1'))).toEqual([1, 1, 1]);
		expect(await repo.count()).toBe(1);
		expect(changes).toEqual([]);
	});

	it('keeps photos apart', async () => {
		await repo.add(photo({ id: 'a', blob: jpeg(bytes(1)) }));
		await repo.add(photo({ id: 'b', blob: jpeg(bytes(2, 2)) }));
		expect(await blobBytes(await repo.getOriginal('a'))).toEqual([1]);
		expect(await blobBytes(await repo.getOriginal('b'))).toEqual([2, 2]);
	});
});

describe('how originals are stored', () => {
	const stored = async (id: string) => (await openBoothDB()).get('originals', id);

	it('keeps the Blob it was given, and its CRC once saving is quiet', async () => {
		expect(repo.storesBlobs).toBe(true); // no navigator.vendor here: not WebKit
		await repo.add(photo({ id: 'p1', blob: jpeg(bytes(0xff, 0xd8, 0xff, 4, 5)) }));
		const o = await stored('p1');
		expect(o?.data).toBeInstanceOf(Blob);
		// Worked out after the save, off the shutter's path.
		expect(o?.crc).toBeUndefined();
		await vi.waitFor(async () => expect((await stored('p1'))?.crc).toBe(crc32(bytes(0xff, 0xd8, 0xff, 4, 5))), { timeout: 3000 });
	});

	it('stores the CRC with bytes at once', async () => {
		const bytesRepo = new PhotoRepository({ blobs: false });
		await bytesRepo.add(photo({ id: 'p2', blob: jpeg(bytes(1, 2)) }));
		expect((await stored('p2'))?.crc).toBe(crc32(bytes(1, 2)));
		await bytesRepo.close();
	});

	it('keeps bytes where Blobs are not safe (WebKit), and reads either back the same', async () => {
		const bytesRepo = new PhotoRepository({ blobs: false });
		await bytesRepo.add(photo({ id: 'b1', blob: jpeg(bytes(7, 8, 9)) }));
		await repo.add(photo({ id: 'b2', blob: jpeg(bytes(7, 8, 9)) }));
		expect((await stored('b1'))?.data).toBeInstanceOf(ArrayBuffer);
		for (const id of ['b1', 'b2']) {
			expect(await blobBytes(await repo.getOriginal(id))).toEqual([7, 8, 9]);
			expect((await repo.getOriginal(id))?.type).toBe('image/jpeg');
		}
		await bytesRepo.close();
	});

	it('moves photos stored as bytes to Blobs, with their CRC, a few per transaction', async () => {
		const bytesRepo = new PhotoRepository({ blobs: false });
		for (let i = 0; i < 10; i++) await bytesRepo.add(photo({ id: `old-${i}`, blob: jpeg(bytes(i, i, i)) }));
		await bytesRepo.close();
		await repo.add(photo({ id: 'new', blob: jpeg(bytes(9)) }));
		// One written before CRCs were kept.
		const db = await openBoothDB();
		const o = (await db.get('originals', 'old-3'))!;
		delete o.crc;
		await db.put('originals', o);
		db.close();

		let pauses = 0;
		expect(await repo.upgradeOriginals({ batch: 3, pause: async () => void pauses++ })).toBe(10);
		expect(pauses).toBeGreaterThanOrEqual(3);
		for (let i = 0; i < 10; i++) {
			const s = await stored(`old-${i}`);
			expect(s?.data).toBeInstanceOf(Blob);
			expect(s?.crc).toBe(crc32(bytes(i, i, i)));
			expect(await blobBytes(await repo.getOriginal(`old-${i}`))).toEqual([i, i, i]);
		}
		expect(await repo.upgradeOriginals()).toBe(0); // nothing left to move
	});

	it('stops moving photos when told to, and goes on from where it was another time', async () => {
		const bytesRepo = new PhotoRepository({ blobs: false });
		for (let i = 0; i < 6; i++) await bytesRepo.add(photo({ id: `old-${i}`, blob: jpeg(bytes(i)) }));
		await bytesRepo.close();
		const controller = new AbortController();
		expect(await repo.upgradeOriginals({ batch: 2, signal: controller.signal, pause: async () => controller.abort() })).toBe(2);
		expect(await repo.upgradeOriginals({ batch: 2 })).toBe(4);
	});

	it('puts a deleted photo back as bytes (Undo) when the browser has started refusing Blobs', async () => {
		await repo.add(photo({ id: 'u1', blob: jpeg(bytes(5, 6, 7)) }));
		const record = (await repo.delete('u1'))!;
		expect(record.original).toBeInstanceOf(Blob);
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
			if ((value as { data?: unknown })?.data instanceof Blob) throw new DOMException('Error preparing Blob/File data', 'UnknownError');
			return put.call(this, value, key);
		};
		try {
			await repo.restore(record);
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		expect((await stored('u1'))?.data).toBeInstanceOf(ArrayBuffer);
		expect(await blobBytes(await repo.getOriginal('u1'))).toEqual([5, 6, 7]);
		expect(await repo.get('u1')).toBeDefined();
	});

	it('stores bytes instead, from then on, when the browser refuses a Blob', async () => {
		// As WebKit does in a private window: "Error preparing Blob/File data to be stored".
		const add = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
			if ((value as { data?: unknown })?.data instanceof Blob) {
				throw new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError');
			}
			return add.call(this, value, key);
		};
		try {
			const meta = await repo.add(photo({ id: 'r1', blob: jpeg(bytes(3, 2, 1)) }));
			expect(meta.id).toBe('r1');
			expect(repo.storesBlobs).toBe(false);
			expect((await stored('r1'))?.data).toBeInstanceOf(ArrayBuffer);
			expect(await blobBytes(await repo.getOriginal('r1'))).toEqual([3, 2, 1]);
			expect(await repo.importPhoto({ meta: { ...meta, id: 'r2' }, data: bytes(4).buffer })).toBe('added');
			expect((await stored('r2'))?.data).toBeInstanceOf(ArrayBuffer);
		} finally {
			IDBObjectStore.prototype.add = add;
		}
	});
});

describe('PhotoRepository.count', () => {
	it('counts the photos', async () => {
		expect(await repo.count()).toBe(0);
		await addAll([
			['a', 1],
			['b', 2],
			['c', 2]
		]);
		expect(await repo.count()).toBe(3);
		await repo.delete('b');
		expect(await repo.count()).toBe(2);
	});
});

describe('PhotoRepository.page', () => {
	it('returns [] for an empty collection', async () => {
		expect(await repo.page(10)).toEqual([]);
	});

	it('returns photos newest first by takenAt, whatever the order they were added in', async () => {
		await addAll([
			['m', 300],
			['z', 100],
			['a', 500],
			['q', 200],
			['b', 400]
		]);
		const all = await repo.page(10);
		expect(all.map((p) => p.id)).toEqual(['a', 'b', 'm', 'q', 'z']);
		expect(all.map((p) => p.takenAt)).toEqual([500, 400, 300, 200, 100]);
		expect(all[0]).toEqual(await repo.get('a'));
	});

	it('returns at most limit photos', async () => {
		await addAll([
			['a', 1],
			['b', 2],
			['c', 3]
		]);
		expect((await repo.page(2)).map((p) => p.id)).toEqual(['c', 'b']);
		expect((await repo.page(1)).map((p) => p.id)).toEqual(['c']);
		expect(await repo.page(0)).toEqual([]);
	});

	it('continues after the last photo of the previous page without skipping or repeating', async () => {
		const entries: [string, number][] = Array.from({ length: 7 }, (_, i) => [`p${i}`, 1000 + i]);
		await addAll(entries);
		const first = await repo.page(3);
		expect(first.map((p) => p.id)).toEqual(['p6', 'p5', 'p4']);
		const second = await repo.page(3, first[2]);
		expect(second.map((p) => p.id)).toEqual(['p3', 'p2', 'p1']);
		const third = await repo.page(3, second[2]);
		expect(third.map((p) => p.id)).toEqual(['p0']);
		expect(await repo.page(3, third[0])).toEqual([]);
	});

	it('accepts a bare {takenAt, id} cursor', async () => {
		await addAll([
			['a', 10],
			['b', 20],
			['c', 30]
		]);
		expect((await repo.page(5, { takenAt: 30, id: 'c' })).map((p) => p.id)).toEqual(['b', 'a']);
		// A cursor between photos (here, of a deleted photo) continues from where it was.
		expect((await repo.page(5, { takenAt: 25, id: 'x' })).map((p) => p.id)).toEqual(['b', 'a']);
	});

	it('breaks ties on takenAt by id (descending) and pages through them exactly once', async () => {
		// Five photos in the same millisecond, sandwiched between older and newer ones.
		await addAll([
			['s3', 500],
			['old', 100],
			['s1', 500],
			['new', 900],
			['s5', 500],
			['s2', 500],
			['s4', 500]
		]);
		const all = (await repo.page(100)).map((p) => p.id);
		expect(all).toEqual(['new', 's5', 's4', 's3', 's2', 's1', 'old']);

		for (const size of [1, 2, 3, 4, 6]) {
			const pages = await pageThrough(size);
			expect(pages.flat(), `page size ${size}`).toEqual(all);
			for (const p of pages.slice(0, -1)) expect(p).toHaveLength(size);
		}
	});

	it('pages through photos that all share one takenAt', async () => {
		const ids = ['e', 'a', 'c', 'b', 'd', 'f'];
		await addAll(ids.map((id) => [id, 42]));
		const pages = await pageThrough(2);
		expect(pages).toEqual([
			['f', 'e'],
			['d', 'c'],
			['b', 'a']
		]);
	});
});

describe('PhotoRepository.newest', () => {
	it('is undefined for an empty collection', async () => {
		expect(await repo.newest()).toBeUndefined();
	});

	it('is the photo with the latest takenAt, then the highest id', async () => {
		await addAll([
			['a', 10],
			['c', 30],
			['b', 20]
		]);
		expect(await repo.newest()).toEqual(await repo.get('c'));
		await repo.add(photo({ id: 'd', takenAt: 30 }));
		expect((await repo.newest())?.id).toBe('d');
		await repo.delete('d');
		await repo.delete('c');
		expect((await repo.newest())?.id).toBe('b');
	});
});

describe('PhotoRepository.neighbours', () => {
	beforeEach(async () => {
		// Newest-first order: e(50), d(40), c2(30), c1(30), b(20), a(10)
		await addAll([
			['c1', 30],
			['a', 10],
			['e', 50],
			['b', 20],
			['c2', 30],
			['d', 40]
		]);
	});

	it('gives the newer and the older photo of one in the middle', async () => {
		const { newer, older } = await repo.neighbours({ takenAt: 40, id: 'd' });
		expect(newer).toEqual(await repo.get('e'));
		expect(older).toEqual(await repo.get('c2'));
	});

	it('respects the id tie-breaker among photos with the same takenAt', async () => {
		const n2 = await repo.neighbours({ takenAt: 30, id: 'c2' });
		expect(n2.newer?.id).toBe('d');
		expect(n2.older?.id).toBe('c1');
		const n1 = await repo.neighbours({ takenAt: 30, id: 'c1' });
		expect(n1.newer?.id).toBe('c2');
		expect(n1.older?.id).toBe('b');
	});

	it('has no newer photo for the newest and no older one for the oldest', async () => {
		const newest = await repo.neighbours({ takenAt: 50, id: 'e' });
		expect(newest.newer).toBeUndefined();
		expect(newest.older?.id).toBe('d');
		const oldest = await repo.neighbours({ takenAt: 10, id: 'a' });
		expect(oldest.newer?.id).toBe('b');
		expect(oldest.older).toBeUndefined();
	});

	it('agrees with page() for every photo', async () => {
		const order = await repo.page(100);
		for (let i = 0; i < order.length; i++) {
			const { newer, older } = await repo.neighbours(order[i]);
			expect(newer?.id).toBe(order[i - 1]?.id);
			expect(older?.id).toBe(order[i + 1]?.id);
		}
	});

	it('works from the position of a photo that is gone', async () => {
		await repo.delete('d');
		const { newer, older } = await repo.neighbours({ takenAt: 40, id: 'd' });
		expect(newer?.id).toBe('e');
		expect(older?.id).toBe('c2');
	});

	it('gives nothing in an empty collection', async () => {
		for (const id of ['a', 'b', 'c1', 'c2', 'd', 'e']) await repo.delete(id);
		expect(await repo.neighbours({ takenAt: 30, id: 'x' })).toEqual({
			newer: undefined,
			older: undefined
		});
	});
});

describe('PhotoRepository thumbnails', () => {
	it('stores and reads back a thumbnail of an existing photo', async () => {
		await repo.add(photo({ id: 'p1' }));
		expect(await repo.getThumbnail('p1')).toBeUndefined();
		await repo.putThumbnail(thumb('p1', bytes(4, 5, 6, 7)));
		const t = await repo.getThumbnail('p1');
		expect(t?.type).toBe('image/jpeg');
		expect(await blobBytes(t)).toEqual([4, 5, 6, 7]);
	});

	it('replaces an earlier thumbnail', async () => {
		await repo.add(photo({ id: 'p1' }));
		await repo.putThumbnail(thumb('p1', bytes(1)));
		await repo.putThumbnail(thumb('p1', bytes(2, 2)));
		expect(await blobBytes(await repo.getThumbnail('p1'))).toEqual([2, 2]);
	});

	it('stores nothing for a photo that does not exist', async () => {
		await repo.putThumbnail(thumb('ghost'));
		expect(await repo.getThumbnail('ghost')).toBeUndefined();
		// Nor does it appear if a photo with that id is added later.
		await repo.add(photo({ id: 'ghost' }));
		expect(await repo.getThumbnail('ghost')).toBeUndefined();
		expect(changes.filter((c) => c.type === 'thumbnail')).toEqual([]);
	});

	it('stores nothing for a photo deleted before its thumbnail arrives', async () => {
		await repo.add(photo({ id: 'p1' }));
		await repo.delete('p1');
		await repo.putThumbnail(thumb('p1'));
		expect(await repo.getThumbnail('p1')).toBeUndefined();
	});

	it("announces a stored thumbnail unless told to be quiet", async () => {
		await repo.add(photo({ id: 'p1' }));
		await repo.add(photo({ id: 'p2' }));
		changes.length = 0;
		await repo.putThumbnail(thumb('p1'));
		await repo.putThumbnail(thumb('p2'), { quiet: true });
		expect(changes).toEqual([{ type: 'thumbnail', id: 'p1' }]);
		expect(await repo.getThumbnail('p2')).toBeInstanceOf(Blob);
	});
});

describe('PhotoRepository.delete / restore', () => {
	it('removes metadata, original and thumbnail and returns the full record', async () => {
		const meta = await repo.add(
			photo({ id: 'p1', takenAt: 77, blob: jpeg(bytes(10, 20, 30)), camera: 'Cam' })
		);
		const t = thumb('p1', bytes(1, 2, 3, 4));
		await repo.putThumbnail(t);
		await repo.settled(); // its CRC stored

		const record = await repo.delete('p1');
		expect(record).toBeDefined();
		expect(record!.meta).toEqual(meta);
		// As it was stored: the encoder's Blob, with its CRC, so Undo puts back exactly that.
		expect(record!.original).toBeInstanceOf(Blob);
		expect([...new Uint8Array(await storedBytes(record!.original))]).toEqual([10, 20, 30]);
		expect(record!.crc).toBe(crc32(bytes(10, 20, 30)));
		expect(record!.thumbnail).toEqual({ ...t, data: expect.any(ArrayBuffer) });
		expect([...new Uint8Array(record!.thumbnail!.data)]).toEqual([1, 2, 3, 4]);

		expect(await repo.get('p1')).toBeUndefined();
		expect(await repo.getOriginal('p1')).toBeUndefined();
		expect(await repo.getThumbnail('p1')).toBeUndefined();
		expect(await repo.count()).toBe(0);
		expect(await repo.page(10)).toEqual([]);
	});

	it('returns a record without a thumbnail when none was made', async () => {
		await repo.add(photo({ id: 'p1' }));
		const record = await repo.delete('p1');
		expect(record?.meta.id).toBe('p1');
		expect(record?.thumbnail).toBeUndefined();
	});

	it('leaves other photos alone', async () => {
		await addAll([
			['a', 1],
			['b', 2]
		]);
		await repo.putThumbnail(thumb('b'));
		await repo.delete('a');
		expect(await repo.get('b')).toBeDefined();
		expect(await repo.getOriginal('b')).toBeDefined();
		expect(await repo.getThumbnail('b')).toBeDefined();
	});

	it('returns undefined for an unknown photo, and announces nothing', async () => {
		await repo.add(photo({ id: 'a' }));
		changes.length = 0;
		expect(await repo.delete('nope')).toBeUndefined();
		expect(await repo.count()).toBe(1);
		expect(changes).toEqual([]);
	});

	it('restore() puts metadata, original and thumbnail back as they were', async () => {
		const meta = await repo.add(
			photo({ id: 'p1', takenAt: 77, blob: new Blob([bytes(5, 6, 7)], { type: 'image/webp' }) })
		);
		await repo.add(photo({ id: 'p0', takenAt: 10 }));
		await repo.add(photo({ id: 'p2', takenAt: 100 }));
		await repo.putThumbnail(thumb('p1', bytes(8, 9)));

		const record = await repo.delete('p1');
		await repo.restore(record!);

		expect(await repo.get('p1')).toEqual(meta);
		const original = await repo.getOriginal('p1');
		expect(original?.type).toBe('image/webp');
		expect(await blobBytes(original)).toEqual([5, 6, 7]);
		expect(await blobBytes(await repo.getThumbnail('p1'))).toEqual([8, 9]);
		expect(await repo.count()).toBe(3);
		expect((await repo.page(10)).map((p) => p.id)).toEqual(['p2', 'p1', 'p0']);
	});

	it('restore() of a record without a thumbnail leaves the thumbnail absent', async () => {
		await repo.add(photo({ id: 'p1', blob: jpeg(bytes(3)) }));
		const record = await repo.delete('p1');
		await repo.restore(record!);
		expect(await repo.get('p1')).toEqual(record!.meta);
		expect(await blobBytes(await repo.getOriginal('p1'))).toEqual([3]);
		expect(await repo.getThumbnail('p1')).toBeUndefined();
	});

	it('a restored photo can be deleted again', async () => {
		await repo.add(photo({ id: 'p1' }));
		await repo.restore((await repo.delete('p1'))!);
		const again = await repo.delete('p1');
		expect(again?.meta.id).toBe('p1');
		expect(await repo.count()).toBe(0);
	});
});

describe('change announcements', () => {
	it('announces add, delete and restore with the photo id', async () => {
		await repo.add(photo({ id: 'p1' }));
		expect(changes).toEqual([{ type: 'added', id: 'p1' }]);

		const record = await repo.delete('p1');
		expect(changes).toEqual([
			{ type: 'added', id: 'p1' },
			{ type: 'deleted', id: 'p1' }
		]);

		await repo.restore(record!);
		expect(changes).toEqual([
			{ type: 'added', id: 'p1' },
			{ type: 'deleted', id: 'p1' },
			{ type: 'added', id: 'p1' }
		]);
	});

	it('announces only after the change is committed', async () => {
		const seen: (PhotoMeta | undefined)[] = [];
		const stop = onPhotoChange((c) => {
			if (c.type === 'added') void repo.get(c.id).then((m) => seen.push(m));
		});
		try {
			const meta = await repo.add(photo({ id: 'p1' }));
			await new Promise((r) => setTimeout(r, 20));
			expect(seen).toEqual([meta]);
		} finally {
			stop();
		}
	});

	it('stops calling a listener once it unsubscribes', async () => {
		unsubscribe();
		await repo.add(photo({ id: 'p1' }));
		expect(changes).toEqual([]);
	});

	it('uses the id it made up for a photo added without one', async () => {
		const meta = await repo.add(photo());
		expect(changes).toEqual([{ type: 'added', id: meta.id }]);
	});
});

describe('schema upgrade', () => {
	it('is at version 4 with five stores', async () => {
		expect(DB_VERSION).toBe(4);
		const db = await openBoothDB();
		try {
			expect(db.version).toBe(DB_VERSION);
			expect([...db.objectStoreNames].sort()).toEqual(['originals', 'overlays', 'photos', 'thumbnails', 'trash']);
			const tx = db.transaction('photos');
			expect([...tx.store.indexNames].sort()).toEqual(['by-favorite', 'by-time']);
			expect(tx.store.index('by-time').keyPath).toEqual(['takenAt', 'id']);
			expect(tx.store.index('by-favorite').keyPath).toEqual(['favorite', 'takenAt', 'id']);
			expect(tx.store.keyPath).toBe('id');
		} finally {
			db.close();
		}
	});

	it('keeps photos saved under version 1 and adds the thumbnails store', async () => {
		const v1 = await openBoothDB({ version: 1 });
		expect(v1.name).toBe(DB_NAME);
		expect(v1.version).toBe(1);
		expect([...v1.objectStoreNames].sort()).toEqual(['originals', 'photos']);

		// A v1 record: no favourite field yet (v3 adds it).
		const meta = {
			id: 'old-1',
			takenAt: 1_600_000_000_000,
			width: 1280,
			height: 720,
			type: 'image/jpeg',
			size: 4,
			camera: 'Old Cam'
		} as PhotoMeta;
		const older = { ...meta, id: 'old-0', takenAt: 1_500_000_000_000, size: 1 } as PhotoMeta;
		const tx = v1.transaction(['photos', 'originals'], 'readwrite');
		await Promise.all([
			tx.objectStore('photos').add(meta),
			tx.objectStore('photos').add(older),
			tx.objectStore('originals').add({ id: meta.id, data: bytes(1, 2, 3, 4).buffer, type: meta.type }),
			tx.objectStore('originals').add({ id: older.id, data: bytes(9).buffer, type: older.type }),
			tx.done
		]);
		v1.close();

		const upgraded = new PhotoRepository();
		try {
			expect(await upgraded.count()).toBe(2);
			expect(await upgraded.get('old-1')).toEqual({ ...meta, favorite: 0 });
			const original = await upgraded.getOriginal('old-1');
			expect(original?.type).toBe('image/jpeg');
			expect(await blobBytes(original)).toEqual([1, 2, 3, 4]);
			expect((await upgraded.page(10)).map((p) => p.id)).toEqual(['old-1', 'old-0']);

			expect(await upgraded.getThumbnail('old-1')).toBeUndefined();
			await upgraded.putThumbnail(thumb('old-1', bytes(7, 7)));
			expect(await blobBytes(await upgraded.getThumbnail('old-1'))).toEqual([7, 7]);

			// The upgraded database takes new photos, and deletes old ones whole.
			await upgraded.add(photo({ id: 'new-1', takenAt: 1_700_000_000_000 }));
			expect((await upgraded.newest())?.id).toBe('new-1');
			const record = await upgraded.delete('old-1');
			expect(record?.thumbnail?.id).toBe('old-1');
			expect(await upgraded.getThumbnail('old-1')).toBeUndefined();
		} finally {
			await upgraded.close();
		}

		const check = await openBoothDB();
		try {
			expect(check.version).toBe(DB_VERSION);
			expect([...check.objectStoreNames].sort()).toEqual(['originals', 'overlays', 'photos', 'thumbnails', 'trash']);
		} finally {
			check.close();
		}
	});

	it('an open version-1 connection gives way to the upgrade', async () => {
		let closedForUpgrade = false;
		const v1 = await openBoothDB({ version: 1, onVersionChange: () => (closedForUpgrade = true) });
		await v1.add('photos', {
			id: 'x',
			takenAt: 1,
			width: 1,
			height: 1,
			type: 'image/png',
			size: 1,
			camera: ''
		} as PhotoMeta);
		// v1 is left open on purpose: its blocking() handler must close it for the upgrade.
		const upgraded = new PhotoRepository();
		try {
			expect(await upgraded.count()).toBe(1);
			expect(closedForUpgrade).toBe(true);
		} finally {
			await upgraded.close();
		}
	});
});

describe('close', () => {
	it('can be called twice, and the repository reopens on next use', async () => {
		await repo.add(photo({ id: 'p1' }));
		await repo.close();
		await repo.close();
		expect(await repo.count()).toBe(1);
		expect((await repo.get('p1'))?.id).toBe('p1');
	});
});
