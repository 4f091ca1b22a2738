import { describe, expect, it } from 'vitest';
import {
	afterWrongPin,
	eventName,
	FIRST_WAIT,
	hashPin,
	isResult,
	MAX_WAIT,
	newSalt,
	printsLeft,
	resultOf,
	SETUP_DEFAULTS,
	validRecords,
	validRunning,
	validSetup
} from './setup';
import { isTriggerKey, newPresses, ownedByFocus } from './triggers';

describe('event setup', () => {
	it('takes what fits and falls back field by field', () => {
		expect(validSetup(null)).toEqual(SETUP_DEFAULTS);
		expect(validSetup({ name: '  Wedding  ', mode: 'gif', countdown: 5, idleSeconds: 2, copies: 99, printLimit: -3, printing: 'yes' })).toEqual({
			...SETUP_DEFAULTS,
			name: 'Wedding',
			mode: 'gif',
			countdown: 5,
			idleSeconds: 10,
			copies: 10,
			printLimit: 0
		});
		expect(validSetup({ mode: 'video', countdown: 4 })).toMatchObject({ mode: SETUP_DEFAULTS.mode, countdown: SETUP_DEFAULTS.countdown });
	});

	it('trusts a running event only with its id and PIN hash', () => {
		const ok = { id: 'e1', pinSalt: 'ab'.repeat(16), pinHash: 'cd'.repeat(32), prints: 4 };
		expect(validRunning(ok)).toMatchObject({ id: 'e1', prints: 4, failures: 0, lockedUntil: 0 });
		expect(validRunning({ ...ok, pinHash: 'not hex' })).toBeNull();
		expect(validRunning({ ...ok, id: '' })).toBeNull();
		expect(validRunning('x')).toBeNull();
	});

	it('drops list entries that do not fit', () => {
		expect(validRecords([{ id: 'a', name: 'A', startedAt: 1, prints: 2 }, { id: 'b' }, null])).toEqual([
			{ id: 'a', name: 'A', mode: SETUP_DEFAULTS.mode, startedAt: 1, prints: 2 }
		]);
		expect(validRecords({})).toEqual([]);
	});

	it('names an unnamed event by its date', () => {
		expect(eventName('  Party ', 0)).toBe('Party');
		expect(eventName('', Date.UTC(2026, 10, 30, 12))).toMatch(/^Event of .*2026/);
	});
});

describe('PIN', () => {
	it('hashes with a salt: same PIN, same salt, same hash; another salt, another hash', async () => {
		const salt = newSalt();
		expect(salt).toMatch(/^[0-9a-f]{32}$/);
		const h = await hashPin('2468', salt);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await hashPin('2468', salt)).toBe(h);
		expect(await hashPin('2469', salt)).not.toBe(h);
		expect(await hashPin('2468', newSalt())).not.toBe(h);
	});

	it('waits after three wrong PINs, doubling up to fifteen minutes', () => {
		expect(afterWrongPin(0, 1000)).toEqual({ failures: 1, lockedUntil: 0 });
		expect(afterWrongPin(1, 1000)).toEqual({ failures: 2, lockedUntil: 0 });
		expect(afterWrongPin(2, 1000)).toEqual({ failures: 3, lockedUntil: 1000 + FIRST_WAIT });
		expect(afterWrongPin(3, 1000)).toEqual({ failures: 4, lockedUntil: 1000 + 2 * FIRST_WAIT });
		expect(afterWrongPin(40, 0).lockedUntil).toBe(MAX_WAIT);
	});
});

describe('prints and results', () => {
	it('counts prints left under a limit (0: none)', () => {
		expect(printsLeft({ prints: 3, printLimit: 0 })).toBe(Infinity);
		expect(printsLeft({ prints: 3, printLimit: 5 })).toBe(2);
		expect(printsLeft({ prints: 7, printLimit: 5 })).toBe(0);
	});

	it("shows a press's strip, clip or photo, and counts only results of this event", () => {
		type Item = { id: string; kind?: string };
		const shots: Item[] = [{ id: '1' }, { id: '2' }, { id: 's', kind: 'strip' }];
		expect(resultOf(shots, 'strip')?.id).toBe('s');
		const clips: Item[] = [{ id: 'g', kind: 'gif' }, { id: 'b', kind: 'boomerang' }];
		expect(resultOf(clips, 'boomerang')?.id).toBe('b');
		const photo: Item[] = [{ id: 'p' }];
		expect(resultOf(photo, 'photo')?.id).toBe('p');
		const ev = { id: 'e', mode: 'strip' as const };
		expect(isResult({ kind: 'strip', event: 'e' }, ev)).toBe(true);
		expect(isResult({ event: 'e' }, ev)).toBe(false); // a strip's single shot
		expect(isResult({ kind: 'strip', event: 'other' }, ev)).toBe(false);
		expect(isResult({ event: 'e' }, { id: 'e', mode: 'photo' })).toBe(true);
	});
});

describe('triggers', () => {
	const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({ key: k, repeat: false, altKey: false, ctrlKey: false, metaKey: false, ...more });
	it('takes Space, Enter and PageDown, not repeats or shortcuts', () => {
		expect(isTriggerKey(key(' '))).toBe(true);
		expect(isTriggerKey(key('Enter'))).toBe(true);
		expect(isTriggerKey(key('PageDown'))).toBe(true);
		expect(isTriggerKey(key('a'))).toBe(false);
		expect(isTriggerKey(key('Enter', { repeat: true }))).toBe(false);
		expect(isTriggerKey(key('Enter', { ctrlKey: true }))).toBe(false);
	});

	it('leaves Space and Enter to a control reached from the keyboard or a field, never PageDown', () => {
		const control = (matching: string[]) => ({ matches: (s: string) => matching.some((m) => s.includes(m)) });
		const inside = (c: object) => ({ closest: () => c });
		const tabbed = inside(control([':focus-visible']));
		const tapped = inside(control([]));
		const field = inside(control(['input']));
		expect(ownedByFocus({ key: 'Enter', target: tabbed as never })).toBe(true);
		expect(ownedByFocus({ key: 'Enter', target: tapped as never })).toBe(false);
		expect(ownedByFocus({ key: ' ', target: field as never })).toBe(true);
		expect(ownedByFocus({ key: 'PageDown', target: tabbed as never })).toBe(false);
		expect(ownedByFocus({ key: ' ', target: { closest: () => null } as never })).toBe(false);
	});

	it('counts gamepad buttons that went down since the last poll', () => {
		expect(newPresses(undefined, [true, false])).toBe(1);
		expect(newPresses([true, false], [true, false])).toBe(0);
		expect(newPresses([false, false], [true, true])).toBe(2);
		expect(newPresses([true], [false])).toBe(0);
	});
});
