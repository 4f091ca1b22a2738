import { beforeEach, describe, expect, it, vi } from 'vitest';
import { STORE_KEYS } from '$lib/local-store';

/** A localStorage of our own (Node has none), fresh for each test. */
function storage(): Map<string, string> {
	const data = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, String(v)),
		removeItem: (k: string) => void data.delete(k)
	});
	return data;
}

async function fresh() {
	vi.resetModules();
	const [{ EventHost }, lock] = await Promise.all([import('./event.svelte'), import('./lock')]);
	return { host: new EventHost(), lock };
}

describe('EventHost', () => {
	let data: Map<string, string>;
	beforeEach(() => {
		data = storage();
	});

	it('starts an event that locks the booth, keeping only the PIN hash, and ends it', async () => {
		const { host, lock } = await fresh();
		expect(lock.locked()).toBe(false);
		const event = await host.start({ ...host.setup, name: 'Gala', mode: 'photo' }, '2468', 1000);
		expect(lock.locked()).toBe(true);
		expect(data.get(STORE_KEYS.event)).not.toContain('2468');
		expect(host.records[0]).toMatchObject({ id: event.id, name: 'Gala', startedAt: 1000 });

		// Another load of the app (a reload) finds it still running and locked.
		const again = await fresh();
		expect(again.host.running?.id).toBe(event.id);
		expect((await again.host.checkPin('2468')).ok).toBe(true);

		again.host.end(5000);
		expect(again.lock.locked()).toBe(false);
		expect(again.host.records[0]).toMatchObject({ id: event.id, endedAt: 5000 });
	});

	it('refuses a PIN that is not 4 to 8 digits', async () => {
		const { host } = await fresh();
		await expect(host.start(host.setup, '12')).rejects.toThrow(/4 to 8 digits/);
		await expect(host.start(host.setup, '12a4')).rejects.toThrow(/4 to 8 digits/);
		expect(host.running).toBeNull();
	});

	it('rate-limits wrong PINs across reloads, and the right one resets the count', async () => {
		const { host } = await fresh();
		await host.start(host.setup, '1357', 0);
		expect(await host.checkPin('0000', 10)).toMatchObject({ ok: false, failures: 1, lockedUntil: 0 });
		expect(await host.checkPin('0000', 20)).toMatchObject({ ok: false, failures: 2 });
		const third = await host.checkPin('0000', 30);
		expect(third).toMatchObject({ ok: false, failures: 3 });
		expect(third.ok || third.lockedUntil).toBeGreaterThan(30);
		const { host: reloaded } = await fresh();
		// Even the right PIN waits until the time is up.
		expect((await reloaded.checkPin('1357', 40)).ok).toBe(false);
		const later = (third.ok ? 0 : third.lockedUntil) + 1;
		expect(await reloaded.checkPin('1357', later)).toEqual({ ok: true });
		expect(reloaded.running?.failures).toBe(0);
	});

	it('counts prints against the limit', async () => {
		const { host } = await fresh();
		await host.start({ ...host.setup, printing: true, copies: 2, printLimit: 3 }, '1111');
		expect(host.printsLeft).toBe(3);
		host.countPrints(2);
		expect(host.printsLeft).toBe(1);
		expect(host.records[0].prints).toBe(2);
	});

	it('will not lock where storage is refused', async () => {
		vi.stubGlobal('localStorage', {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			removeItem: () => undefined
		});
		const { host, lock } = await fresh();
		await expect(host.start(host.setup, '2468')).rejects.toThrow(/storage is blocked/);
		expect(host.running).toBeNull();
		expect(lock.locked()).toBe(false);
	});
});
