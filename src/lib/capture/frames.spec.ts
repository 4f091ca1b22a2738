import { describe, expect, it } from 'vitest';
import { FrameClaims } from './frames';

/** A fake camera: the current frame's timestamp is whatever the test's clock says it is. */
function camera(frameMs: number) {
	let clock = 0;
	const closed: number[] = [];
	const snapshot = () => {
		const timestamp = Math.floor(clock / frameMs) * frameMs * 1000;
		return { timestamp, close: () => closed.push(timestamp) };
	};
	const wait = async (ms: number) => {
		clock += ms;
	};
	return { snapshot, wait, now: () => clock, closed, advance: (ms: number) => (clock += ms) };
}

describe('FrameClaims', () => {
	it('gives a shot the current frame when no shot has had it', async () => {
		const cam = camera(50);
		const claims = new FrameClaims();
		cam.advance(120);
		const f = await claims.claim(cam.snapshot, { wait: cam.wait, now: cam.now });
		expect(f.timestamp).toBe(100_000);
		expect(cam.now()).toBe(120);
		expect(cam.closed).toEqual([]);
	});

	it('makes a second shot in the same frame wait for the next one, and no longer', async () => {
		const cam = camera(50);
		const claims = new FrameClaims();
		cam.advance(10);
		const a = await claims.claim(cam.snapshot, { wait: cam.wait, now: cam.now });
		const b = await claims.claim(cam.snapshot, { wait: cam.wait, now: cam.now });
		expect(a.timestamp).toBe(0);
		expect(b.timestamp).toBe(50_000);
		// Polled at most 8 ms apart: found within 8 ms of the frame's arrival.
		expect(cam.now()).toBeGreaterThanOrEqual(50);
		expect(cam.now()).toBeLessThan(58);
		// The refused snapshots were released.
		expect(cam.closed.every((t) => t === 0)).toBe(true);
	});

	it('never hands the same frame to two shots racing for it', async () => {
		const cam = camera(50);
		const claims = new FrameClaims();
		const shots = await Promise.all(
			Array.from({ length: 6 }, () => claims.claim(cam.snapshot, { wait: cam.wait, now: cam.now }))
		);
		expect(new Set(shots.map((f) => f.timestamp)).size).toBe(6);
	});

	it('takes the current frame anyway when the camera stalls, so the press still gets a photo', async () => {
		const frozen = { timestamp: 7, close: () => {} };
		let clock = 0;
		const claims = new FrameClaims();
		const opts = { wait: async (ms: number) => void (clock += ms), now: () => clock, stallMs: 100 };
		await claims.claim(() => frozen, opts);
		const again = await claims.claim(() => frozen, opts);
		expect(again).toBe(frozen);
		expect(clock).toBeGreaterThanOrEqual(100);
		expect(clock).toBeLessThan(110);
	});

	it('stops waiting when the shot is cancelled', async () => {
		const cam = camera(50);
		const claims = new FrameClaims();
		await claims.claim(cam.snapshot, { wait: cam.wait, now: cam.now });
		const ctl = new AbortController();
		const waiting = claims.claim(cam.snapshot, {
			wait: async (ms) => {
				cam.advance(ms);
				ctl.abort(new DOMException('cancelled', 'AbortError'));
			},
			now: cam.now,
			signal: ctl.signal
		});
		await expect(waiting).rejects.toThrow('cancelled');
	});
});
