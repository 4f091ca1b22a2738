import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { jpegWithExif } from './exif';
import { crcOf } from './zip';
import { crc32 } from './zip-writer';

/** A minimal JPEG's structure: SOI, APP0 (JFIF), optionally APP1 (Exif), DQT, SOS, data, EOI. */
function jpeg(withExif: boolean, dataLength = 5000): Uint8Array {
	const seg = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
	const jfif = seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
	const exif = withExif ? seg(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0]) : [];
	const dqt = seg(0xdb, Array.from({ length: 65 }, (_, i) => i));
	const sos = seg(0xda, [1, 1, 0, 0, 0x3f, 0, 0, 0, 0, 0]);
	const scan = Array.from({ length: dataLength }, (_, i) => (i * 7919) & 0xfe);
	return new Uint8Array([0xff, 0xd8, ...jfif, ...exif, ...dqt, ...sos, ...scan, 0xff, 0xd9]);
}

const info = { takenAt: Date.UTC(2026, 10, 24, 12, 0, 0), camera: 'Fake camera', width: 1920, height: 1080 };

describe('crcOf: the stored CRC carried into the archive', () => {
	it('is the stored CRC when the bytes go as stored', () => {
		const bytes = jpeg(false);
		expect(crcOf(bytes, bytes, crc32(bytes))).toBe(crc32(bytes));
	});

	it('is the CRC of the photo with EXIF spliced in, derived without reading it', () => {
		for (const length of [0, 1, 5000, 300_000]) {
			const bytes = jpeg(false, length);
			const parts = jpegWithExif(bytes, info);
			expect(parts.length).toBeGreaterThan(1);
			expect(crcOf(parts, bytes, crc32(bytes))).toBe(crc32(parts));
		}
	});

	it('is the stored CRC when the bytes come back as one part, unchanged (not a JPEG)', () => {
		const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
		const parts = jpegWithExif(bytes, info);
		expect(parts).toHaveLength(1);
		expect(crcOf(parts, bytes, crc32(bytes))).toBe(crc32(bytes));
	});

	it('gives up (the writer computes it) where EXIF replaced a segment of the original', () => {
		const bytes = jpeg(true);
		const parts = jpegWithExif(bytes, info);
		expect(crcOf(parts, bytes, crc32(bytes))).toBeUndefined();
	});
});
