import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { crc32Combine, crc32ReplacePrefix } from './crc-combine';

function bytes(n: number, seed: number): Uint8Array {
	const out = new Uint8Array(n);
	let x = seed >>> 0 || 1;
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

// The reference: crc32 over the parts in a row (crc-32 chains its seed), never combined.

describe('crc32Combine', () => {
	it('matches the CRC of the joined bytes, for lengths from 0 to a megabyte', () => {
		for (const [la, lb, seed] of [
			[0, 0, 1],
			[1, 0, 2],
			[0, 1, 3],
			[5, 7, 4],
			[100, 3, 5],
			[3, 1000, 6],
			[4096, 65_537, 7],
			[12, 1_000_003, 8]
		]) {
			const a = bytes(la, seed);
			const b = bytes(lb, seed * 31);
			expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32([a, b]));
		}
	});
});

describe('crc32ReplacePrefix', () => {
	/** The CRC of `now` + rest from that of `old` + rest, against a CRC computed over the bytes. */
	function expectReplaced(old: Uint8Array, now: Uint8Array, rest: Uint8Array) {
		expect(crc32ReplacePrefix(crc32([old, rest]), crc32(old), crc32(now), rest.length)).toBe(crc32([now, rest]));
	}

	it('gives the CRC of a photo with a segment spliced in, without reading the rest', () => {
		for (const [before, inserted, rest, seed] of [
			[2, 120, 900_000, 11],
			[20, 0, 5000, 12],
			[0, 64, 64, 13],
			[2, 300, 0, 14],
			[18, 1, 1, 15]
		]) {
			const p = bytes(before, seed);
			expectReplaced(p, new Uint8Array([...p, ...bytes(inserted, seed + 1)]), bytes(rest, seed + 2));
		}
	});

	it('gives the CRC where the new first bytes are shorter, or wholly different', () => {
		expectReplaced(bytes(300, 21), bytes(40, 22), bytes(70_000, 23));
		expectReplaced(bytes(64, 24), bytes(64, 25), bytes(1, 26));
		expectReplaced(bytes(5, 27), bytes(0, 28), bytes(9, 29));
	});
});
