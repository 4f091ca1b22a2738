import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewHolds, stillComing, stillsInHand } from './encode-client';

describe('a still on its way', () => {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('counts as in hand from the press until released, once however often it is released', () => {
		expect(stillsInHand()).toBe(false);
		const first = stillComing();
		const second = stillComing();
		expect(stillsInHand()).toBe(true);
		first();
		first();
		expect(stillsInHand()).toBe(true);
		second();
		expect(stillsInHand()).toBe(false);
	});

	it('holds the preview for a moment only, and again after a break', () => {
		const release = stillComing();
		expect(previewHolds()).toBe(true);
		vi.advanceTimersByTime(300);
		expect(previewHolds()).toBe(true);
		// A burst: stills keep coming, and the preview goes on after 400 ms.
		const next = stillComing();
		vi.advanceTimersByTime(150);
		expect(previewHolds()).toBe(false);
		release();
		next();
		expect(previewHolds()).toBe(false);
		// The next shot holds it again.
		const later = stillComing();
		expect(previewHolds()).toBe(true);
		later();
	});

	it('lets go by itself of a still whose save never settles', () => {
		stillComing();
		expect(stillsInHand()).toBe(true);
		vi.advanceTimersByTime(3000);
		expect(stillsInHand()).toBe(false);
		expect(previewHolds()).toBe(false);
	});
});
