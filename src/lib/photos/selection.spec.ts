import { describe, expect, it } from 'vitest';
import { Selection } from './selection.svelte';

const order = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
const indexOf = (id: string) => order.findIndex((p) => p.id === id);
const ids = (s: Selection) => [...s.ids].sort();

describe('Selection', () => {
	it('toggles single photos', () => {
		const s = new Selection();
		s.enter();
		s.toggle('b');
		s.toggle('d');
		s.toggle('b');
		expect(ids(s)).toEqual(['d']);
		expect(s.active).toBe(true);
	});

	it('selects a Shift range from the last toggled photo, either direction', () => {
		const s = new Selection();
		s.toggle('b');
		s.selectRange('e', order, indexOf);
		expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
		const t = new Selection();
		t.toggle('e');
		t.selectRange('c', order, indexOf);
		expect(ids(t)).toEqual(['c', 'd', 'e']);
	});

	it('toggles alone when there is no anchor', () => {
		const s = new Selection();
		s.selectRange('c', order, indexOf);
		expect(ids(s)).toEqual(['c']);
	});

	it('selects all, drops what is no longer shown, and forgets on exit', () => {
		const s = new Selection();
		s.selectAll(order);
		expect(s.size).toBe(6);
		expect(s.active).toBe(true);
		s.keepOnly((id) => id !== 'a' && id !== 'f');
		expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
		s.exit();
		expect(s.size).toBe(0);
		expect(s.active).toBe(false);
	});
});
