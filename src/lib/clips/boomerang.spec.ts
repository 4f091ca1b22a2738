import { describe, expect, it } from 'vitest';
import { boomerangOrder } from './boomerang';

describe('boomerangOrder', () => {
	it('swings forward then back, each end once, and stops short of the start so a loop runs on', () => {
		expect(boomerangOrder(4)).toEqual([0, 1, 2, 3, 2, 1]);
	});

	it('repeats whole swings until it lasts long enough', () => {
		const order = boomerangOrder(4, 10);
		expect(order).toEqual([0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1]);
		// 22 frames at 15/s, at least 3 s: 45 frames or more, in whole swings of 42.
		const long = boomerangOrder(22, 45);
		expect(long.length).toBe(84);
		expect(long.slice(0, 42)).toEqual(long.slice(42));
	});

	it('copes with too few frames', () => {
		expect(boomerangOrder(0)).toEqual([]);
		expect(boomerangOrder(1, 3)).toEqual([0, 0, 0]);
		expect(boomerangOrder(2)).toEqual([0, 1]);
	});
});
