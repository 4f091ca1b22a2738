import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportParts } from './exif';
import { exportedCrc } from './zip';
import { crc32 } from '$lib/checksums/crc32';

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

/** The CRC an export derives from the stored one, for the photo stored either way. */
async function derived(bytes: Uint8Array): Promise<{ crc: number; actual: number }[]> {
	const out = [];
	for (const data of [bytes.slice().buffer as ArrayBuffer, new Blob([bytes as BlobPart])]) {
		const { parts, edit } = await exportParts(data, 'image/jpeg', info);
		const joined = new Uint8Array(await new Blob(parts).arrayBuffer());
		out.push({ crc: exportedCrc(crc32(bytes), edit), actual: crc32(joined) });
	}
	return out;
}

describe('exportedCrc: the stored CRC carried into the archive', () => {
	it('is the CRC of the photo with EXIF spliced in, derived without reading it', async () => {
		for (const length of [0, 1, 5000, 300_000]) {
			for (const { crc, actual } of await derived(jpeg(false, length))) expect(crc).toBe(actual);
		}
	});

	it('is right where EXIF replaced a segment of the original', async () => {
		for (const { crc, actual } of await derived(jpeg(true))) expect(crc).toBe(actual);
	});

	it('is the stored CRC when the bytes go as stored (not a JPEG)', async () => {
		const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
		const { parts, edit } = await exportParts(new Blob([bytes]), 'image/jpeg', info);
		expect(edit).toBeUndefined();
		expect(parts).toHaveLength(1);
		expect(exportedCrc(crc32(bytes), edit)).toBe(crc32(bytes));
	});

	it('reads only the first bytes of a stored Blob: the rest is a slice of it', async () => {
		const bytes = jpeg(false, 300_000);
		const { parts } = await exportParts(new Blob([bytes as BlobPart]), 'image/jpeg', info);
		const tail = parts.at(-1);
		expect(tail).toBeInstanceOf(Blob);
		expect((tail as Blob).size).toBeGreaterThan(300_000);
	});
});
