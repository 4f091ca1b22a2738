import { describe, expect, it } from 'vitest';
import { keyLabel, keysLabel, letter } from './keys';

describe('shortcut labels', () => {
	it('names keys as people write them', () => {
		expect(keyLabel(' ')).toBe('Space');
		expect(keyLabel('PageDown')).toBe('Page Down');
		expect(keyLabel('ArrowRight')).toBe('→');
		expect(keyLabel('Escape')).toBe('Esc');
		expect(keyLabel('t')).toBe('T');
		expect(keyLabel('?')).toBe('?');
	});

	it("lists a shortcut's keys once each, a letter's two cases as one", () => {
		expect(letter('b')).toEqual(['b', 'B']);
		expect(keysLabel({ action: 'burst', keys: letter('b'), description: '' })).toBe('B');
		expect(keysLabel({ action: 'shoot', keys: [' ', 'Enter', 'PageDown', 'ArrowRight'], description: '' })).toBe(
			'Space, Enter, Page Down, →'
		);
	});
});
