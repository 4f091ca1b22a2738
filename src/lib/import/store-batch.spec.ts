import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '$lib/photos/imported';
import type { ImportedPhoto, PhotoMeta } from '$lib/photos/types';
import { StoreBatch } from './store-batch';

const photo = (id: string, size = 10): ImportedPhoto => ({
	meta: { id, takenAt: 1, width: 1, height: 1, type: 'image/jpeg', size, camera: '', favorite: 0 } as PhotoMeta,
	data: new ArrayBuffer(1)
});

afterEach(() => vi.useRealTimers());

describe('StoreBatch', () => {
	it('writes up to 64 photos a transaction, and what is left after a short wait', async () => {
		vi.useFakeTimers();
		const writes: string[][] = [];
		const batch = new StoreBatch(async (b) => {
			writes.push(b.map((p) => p.meta.id));
			return b.map((): ImportOutcome => 'added');
		});
		const all = Array.from({ length: 70 }, (_, i) => batch.add(photo(`p${i}`)));
		await Promise.resolve();
		expect(writes.map((w) => w.length)).toEqual([64]);
		await vi.advanceTimersByTimeAsync(200);
		expect(writes.map((w) => w.length)).toEqual([64, 6]);
		expect(await Promise.all(all)).toEqual(Array(70).fill('added'));
	});

	it('writes at once past 16 MB of originals', async () => {
		const writes: number[] = [];
		const batch = new StoreBatch(async (b) => (writes.push(b.length), b.map((): ImportOutcome => 'added')));
		const big = [batch.add(photo('a', 9e6)), batch.add(photo('b', 9e6))];
		await Promise.all(big);
		expect(writes).toEqual([2]);
	});

	it('when storage runs out, keeps every photo that fits, one by one, and fails the rest', async () => {
		const kept: string[] = [];
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const batch = new StoreBatch(async (b) => {
			if (b.length > 1 || kept.length >= 2) throw full;
			kept.push(b[0].meta.id);
			return ['added'];
		});
		const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((id) => batch.add(photo(id))).concat([batch.flush() as never]));
		expect(kept).toEqual(['a', 'b']);
		expect(results.slice(0, 4).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
		expect((results[2] as PromiseRejectedResult).reason).toBe(full);
	});

	it('on any other error, stores the others of the batch one by one and fails only the one', async () => {
		const batch = new StoreBatch(async (b) => {
			if (b.some((p) => p.meta.id === 'bad')) throw new Error('the file is gone');
			return b.map((): ImportOutcome => 'added');
		});
		const all = ['a', 'bad', 'c'].map((id) => batch.add(photo(id)));
		await batch.flush();
		const results = await Promise.allSettled(all);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		const next = batch.add(photo('d'));
		await batch.flush();
		expect(await next).toBe('added');
	});

	it('drops what waits when the import stops', async () => {
		const write = vi.fn(async (b: readonly ImportedPhoto[]) => b.map((): ImportOutcome => 'added'));
		const batch = new StoreBatch(write);
		const a = batch.add(photo('a'));
		batch.drop(new DOMException('stopped', 'AbortError'));
		await expect(a).rejects.toThrow('stopped');
		await batch.flush();
		expect(write).not.toHaveBeenCalled();
	});
});
