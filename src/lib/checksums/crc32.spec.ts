import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { crc32, crcOf, crcOfBytes } from './crc32';

const utf8 = new TextEncoder();

describe('crc32', () => {
	it('equals zlib.crc32 for odd lengths, unaligned views and parts', () => {
		expect(crc32(new Uint8Array(0))).toBe(0);
		for (const length of [1, 3, 15, 17, 31, 1023, 65_537, 1_000_003]) {
			const whole = randomBytes(length + 3);
			for (const start of [0, 1, 2, 3]) {
				const view = whole.subarray(start, start + length);
				const expected = zlib.crc32(view);
				expect(crc32(view)).toBe(expected);
				// Three parts that split the same bytes at odd places.
				const a = Math.floor(length / 3) | 1;
				const b = Math.min(length, a + (Math.floor(length / 2) | 1));
				expect(crc32([view.subarray(0, a), view.subarray(a, b), view.subarray(b)])).toBe(expected);
			}
		}
		// Unsigned even when the top bit is set (crc-32 itself returns a signed int).
		const high = Array.from({ length: 64 }, (_, i) => utf8.encode(`x${i}`)).find((b) => zlib.crc32(b) >= 2 ** 31);
		expect(high).toBeDefined();
		expect(crc32(high!)).toBe(zlib.crc32(high!));
	});
});

describe('crcOf / crcOfBytes', () => {
	const bytes = randomBytes(70_001);
	const expected = zlib.crc32(bytes);

	it('keep a known CRC without reading the data', async () => {
		expect(crcOfBytes(new Uint8Array(0), 1234)).toBe(1234);
		// A Blob whose read would fail: it is never read.
		const unreadable = { arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
		expect(await crcOf(unreadable, 42)).toBe(42);
	});

	it('work a missing CRC out from bytes, a Blob, or parts with Blobs among them', async () => {
		expect(crcOfBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, undefined)).toBe(expected);
		expect(await crcOf(new Blob([bytes]), undefined)).toBe(expected);
		expect(await crcOf([bytes.subarray(0, 10), new Blob([bytes.subarray(10, 5000)]), bytes.subarray(5000)], undefined)).toBe(expected);
	});
});
