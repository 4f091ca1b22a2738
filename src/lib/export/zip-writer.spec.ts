// The archives are read back by independent readers (zip.js, zlib's CRC-32); our own parsing is
// used only where no reader can be handed 4 GiB without holding it.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { configure, Reader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { crc32 } from '$lib/checksums/crc32';
import { zipBlob, zipStream, type ZipEntry } from './zip-writer';

configure({ useWebWorkers: false });

const utf8 = new TextEncoder();

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; bytes: Uint8Array }> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream) chunks.push(chunk);
	return { chunks, bytes: concat(chunks) };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

async function entriesOf(zip: Uint8Array | Reader<unknown>): Promise<FileEntry[]> {
	const reader = new ZipReader(zip instanceof Uint8Array ? new Uint8ArrayReader(zip) : zip);
	const entries = await reader.getEntries();
	await reader.close();
	return entries.filter((e: Entry): e is FileEntry => !e.directory);
}

/** The entry's bytes as zip.js extracts them, with its CRC-32 check on. */
const dataOf = (entry: FileEntry) => entry.getData(new Uint8ArrayWriter(), { checkCrc32: true });

/** MS-DOS date/time (date in the high half) as its fields. */
function dos(raw: number) {
	const date = raw >>> 16;
	const time = raw & 0xffff;
	return [1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2];
}

describe('zipStream', () => {
	it('is read back by zip.js: names, bytes, CRC-32, times, Unix mode', async () => {
		const photo = randomBytes(300_001);
		const exif = randomBytes(517);
		const files: ZipEntry[] = [
			{ name: 'manifest.json', lastModified: new Date(Date.UTC(2024, 5, 15, 13, 45, 31, 900)), data: utf8.encode('{"v":1}') },
			{ name: 'фото/café 😀.jpg', lastModified: Date.UTC(2023, 0, 2, 3, 4, 5), data: photo },
			{ name: 'photos/spliced.jpg', lastModified: Date.UTC(2025, 11, 31, 23, 59, 59), data: [photo.subarray(0, 2), exif, photo.subarray(2)] },
			{ name: 'empty.txt', lastModified: Date.UTC(2024, 1, 29, 12, 0, 0), data: new Uint8Array(0) }
		];
		const { bytes } = await readAll(zipStream(files));
		const entries = await entriesOf(bytes);
		expect(entries.map((e) => e.filename)).toEqual(files.map((f) => f.name));
		for (const [i, entry] of entries.entries()) {
			const file = files[i];
			const expected = ArrayBuffer.isView(file.data) ? file.data : concat(file.data);
			expect(entry.uncompressedSize).toBe(expected.length);
			expect(Buffer.from(await dataOf(entry)).equals(expected)).toBe(true);
			expect(entry.compressionMethod).toBe(0);
			expect(entry.filenameUTF8).toBe(true);
			expect(entry.bitFlag?.dataDescriptor).toBe(false);
			expect(entry.version).toBe(20);
			expect(entry.versionMadeBy >> 8).toBe(3); // Unix
			expect(entry.unixMode).toBe(0o100644);
			expect(entry.zip64).toBe(false);
			// zip.js takes lastModDate from the extended timestamp: the UTC second, exactly.
			const seconds = Math.floor(+file.lastModified / 1000);
			expect(entry.lastModDate.getTime()).toBe(seconds * 1000);
			expect(entry.extraFieldExtendedTimestamp?.rawLastModDate).toBe(seconds);
		}
	});

	it('writes DOS times in local time (2 s, clamped to 1980) and the extended timestamp in UTC', async () => {
		const tz = process.env.TZ;
		process.env.TZ = 'Asia/Kolkata'; // +05:30 all year: local and UTC differ in hours and minutes
		try {
			expect(new Date(0).getTimezoneOffset()).toBe(-330);
			const when = Date.UTC(2024, 5, 15, 20, 45, 31, 999); // 2024-06-16 02:15:31.999 in Kolkata
			const files: ZipEntry[] = [
				{ name: 'now.jpg', lastModified: when, data: utf8.encode('a') },
				{ name: 'old.jpg', lastModified: new Date(Date.UTC(1975, 3, 4, 5, 6, 7)), data: utf8.encode('b') },
				{ name: 'far.jpg', lastModified: Date.UTC(2200, 0, 1), data: utf8.encode('c') },
				{ name: 'nan.jpg', lastModified: new Date(NaN), data: utf8.encode('d') }
			];
			const [now, old, far, nan] = await entriesOf((await readAll(zipStream(files))).bytes);
			expect(dos(Number(now.rawLastModDate))).toEqual([2024, 6, 16, 2, 15, 30]);
			expect(now.lastModDate.getTime()).toBe(Date.UTC(2024, 5, 15, 20, 45, 31));
			expect(dos(Number(old.rawLastModDate))).toEqual([1980, 1, 1, 0, 0, 0]);
			expect(old.lastModDate.getTime()).toBe(Date.UTC(1975, 3, 4, 5, 6, 7));
			// Past both ranges: the last DOS time, and the last signed 32-bit second.
			expect(dos(Number(far.rawLastModDate))).toEqual([2107, 12, 31, 23, 59, 58]);
			expect(far.extraFieldExtendedTimestamp?.rawLastModDate).toBe(2 ** 31 - 1);
			// An invalid date is written as the epoch rather than as garbage.
			expect(dos(Number(nan.rawLastModDate))).toEqual([1980, 1, 1, 0, 0, 0]);
			expect(nan.extraFieldExtendedTimestamp?.rawLastModDate).toBe(0);
		} finally {
			if (tz === undefined) delete process.env.TZ;
			else process.env.TZ = tz;
		}
	});

	it('is checked by zip.js: a corrupted byte fails its CRC-32 check', async () => {
		const { bytes } = await readAll(zipStream([{ name: 'a.bin', lastModified: 0, data: randomBytes(1000) }]));
		bytes[30 + 'a.bin'.length + 9 + 500] ^= 1; // a byte of the data, after the 30-byte header, name and 9-byte extra
		const [entry] = await entriesOf(bytes);
		await expect(dataOf(entry)).rejects.toThrow();
	});

	it('writes parts as the same file as their concatenation, enqueuing them without copies', async () => {
		const whole = randomBytes(10_000);
		const parts = [whole.subarray(0, 3), whole.subarray(3, 5_001), whole.subarray(5_001)];
		const split = await readAll(zipStream([{ name: 'p.jpg', lastModified: 0, data: parts }]));
		const joined = await readAll(zipStream([{ name: 'p.jpg', lastModified: 0, data: whole }]));
		expect(Buffer.from(split.bytes).equals(joined.bytes)).toBe(true);
		// Header, then the very same views.
		expect(split.chunks.slice(1, 4)).toHaveLength(3);
		split.chunks.slice(1, 4).forEach((chunk, i) => expect(chunk).toBe(parts[i]));
		const [entry] = await entriesOf(split.bytes);
		expect(Buffer.from(await dataOf(entry)).equals(whole)).toBe(true);
	});

	it('writes an empty archive as the 22-byte end record alone', async () => {
		const { bytes } = await readAll(zipStream([]));
		expect(Array.from(bytes)).toEqual([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]);
		expect(await entriesOf(bytes)).toEqual([]);
	});

	it('pulls lazily and runs the generator’s finally when cancelled', async () => {
		let yielded = 0;
		let closed = false;
		async function* source(): AsyncGenerator<ZipEntry> {
			try {
				for (let i = 0; i < 10; i++) {
					yielded++;
					yield { name: `${i}.jpg`, lastModified: 0, data: randomBytes(100) };
				}
			} finally {
				closed = true;
			}
		}
		const reader = zipStream(source()).getReader();
		await Promise.resolve();
		expect(yielded).toBe(0); // nothing is read before it is asked for
		for (let i = 0; i < 4; i++) expect((await reader.read()).done).toBe(false); // two headers, two files
		expect(yielded).toBe(2);
		await reader.cancel();
		expect(closed).toBe(true);
		expect(yielded).toBe(2);
	});

	it('errors with AbortError at the next pull once the signal aborts, and runs finally', async () => {
		let closed = false;
		async function* source(): AsyncGenerator<ZipEntry> {
			try {
				for (let i = 0; ; i++) yield { name: `${i}.jpg`, lastModified: 0, data: randomBytes(100) };
			} finally {
				closed = true;
			}
		}
		const abort = new AbortController();
		const reader = zipStream(source(), { signal: abort.signal }).getReader();
		for (let i = 0; i < 3; i++) await reader.read();
		abort.abort();
		// The entry already pulled may still be read; the next pull fails.
		let error: unknown;
		for (let i = 0; i < 3 && !error; i++) error = await reader.read().then(() => undefined, (e: unknown) => e);
		expect(error).toBeInstanceOf(DOMException);
		expect((error as DOMException).name).toBe('AbortError');
		expect(closed).toBe(true);
		await expect(reader.closed).rejects.toBe(error);
	});

	it('errors with the iterator’s error', async () => {
		const boom = new Error('disk gone');
		async function* source(): AsyncGenerator<ZipEntry> {
			yield { name: 'a.jpg', lastModified: 0, data: utf8.encode('a') };
			throw boom;
		}
		await expect(readAll(zipStream(source()))).rejects.toBe(boom);
	});

	it.each(['', '/abs', 'a/../b', '..', '\\abs', 'a\\..\\b', 'C:/x'])('rejects the name %j with a TypeError and closes the source', async (name) => {
		let closed = false;
		function* source(): Generator<ZipEntry> {
			try {
				yield { name: 'ok.jpg', lastModified: 0, data: utf8.encode('ok') };
				yield { name, lastModified: 0, data: utf8.encode('bad') };
				yield { name: 'never.jpg', lastModified: 0, data: utf8.encode('never') };
			} finally {
				closed = true;
			}
		}
		await expect(readAll(zipStream(source()))).rejects.toThrow(TypeError);
		expect(closed).toBe(true);
	});

	it('accepts names that only look odd', async () => {
		const names = ['a..b/..c/d..', 'folder/', '.hidden', 'a/./b'];
		const entries = await entriesOf((await readAll(zipStream(names.map((name) => ({ name, lastModified: 0, data: new Uint8Array(0) }))))).bytes);
		expect(entries.map((e) => e.filename)).toEqual(names.filter((n) => !n.endsWith('/')));
	});
});

describe('zipStream ZIP64', () => {
	it('writes 70,000 entries (count >= 0xFFFF) that zip.js counts right', { timeout: 60_000 }, async () => {
		const count = 70_000;
		function* source(): Generator<ZipEntry> {
			for (let i = 0; i < count; i++) yield { name: `p/${i}.jpg`, lastModified: 0, data: new Uint8Array([i & 255]) };
		}
		const { bytes } = await readAll(zipStream(source()));
		const view = new DataView(bytes.buffer);
		const eocd = bytes.length - 22;
		expect(view.getUint32(eocd, true)).toBe(0x06054b50);
		expect(view.getUint16(eocd + 10, true)).toBe(0xffff); // sends readers to the ZIP64 record
		expect(view.getUint32(eocd - 20, true)).toBe(0x07064b50);
		const entries = await entriesOf(bytes);
		expect(entries).toHaveLength(count);
		for (const i of [0, 0xfffe, 0xffff, count - 1]) {
			expect(entries[i].filename).toBe(`p/${i}.jpg`);
			expect(Array.from(await dataOf(entries[i]))).toEqual([i & 255]);
		}
	});

	it('writes ZIP64 offsets past 4 GiB without holding the archive', { timeout: 60_000 }, async () => {
		const big = new Uint8Array(64 * 2 ** 20); // the same zero-filled 64 MiB, 65 times
		const bigCrc = zlib.crc32(big);
		const tail = utf8.encode('the end');
		function* source(): Generator<ZipEntry> {
			for (let i = 0; i < 65; i++) yield { name: `big/${i}.bin`, lastModified: 0, data: big };
			yield { name: 'last.txt', lastModified: 0, data: tail };
		}

		const { total, headers, smallChunks, tail: tailBytes } = await consume(zipStream(source()), big);
		expect(total).toBeGreaterThan(65 * big.length);
		expect(headers).toHaveLength(66);
		expect(headers[64]).toBeGreaterThan(0xffffffff);

		const tailStart = total - tailBytes.length;
		const v = new DataView(tailBytes.buffer, tailBytes.byteOffset, tailBytes.length);
		const at = (absolute: number) => absolute - tailStart;
		const u16 = (o: number) => v.getUint16(at(o), true);
		const u32 = (o: number) => v.getUint32(at(o), true);
		const u64 = (o: number) => Number(v.getBigUint64(at(o), true));

		// Classic end record: every field that overflowed is all ones.
		const eocd = total - 22;
		expect(u32(eocd)).toBe(0x06054b50);
		expect(u16(eocd + 10)).toBe(66);
		expect(u32(eocd + 16)).toBe(0xffffffff);
		// ZIP64 locator, then the record it points to.
		const locator = eocd - 20;
		expect(u32(locator)).toBe(0x07064b50);
		const record = u64(locator + 8);
		expect(record).toBe(locator - 56);
		expect(u32(record)).toBe(0x06064b50);
		expect(u64(record + 4)).toBe(44);
		expect(u64(record + 24)).toBe(66);
		expect(u64(record + 32)).toBe(66);
		const cdSize = u64(record + 40);
		const cdOffset = u64(record + 48);
		expect(cdOffset + cdSize).toBe(record);
		expect(cdOffset).toBe(headers[65] + 30 + 'last.txt'.length + 9 + tail.length);

		// Central headers: offsets as tracked; a ZIP64 extra for exactly those past 0xFFFFFFFF.
		expect(at(headers[65])).toBeGreaterThanOrEqual(0); // the kept tail holds the last entry and all after it
		let p = cdOffset;
		for (let i = 0; i < 66; i++) {
			expect(u32(p)).toBe(0x02014b50);
			const nameLength = u16(p + 28);
			const extraLength = u16(p + 30);
			const name = new TextDecoder().decode(tailBytes.subarray(at(p + 46), at(p + 46) + nameLength));
			expect(name).toBe(i < 65 ? `big/${i}.bin` : 'last.txt');
			expect(u32(p + 16)).toBe(i < 65 ? bigCrc : zlib.crc32(tail));
			const zip64 = findExtra(p + 46 + nameLength, extraLength, 0x0001, u16);
			if (headers[i] > 0xffffffff) {
				expect(u16(p + 6)).toBe(45);
				expect(u32(p + 42)).toBe(0xffffffff);
				expect(zip64).toBeDefined();
				expect(u16(zip64! - 2)).toBe(8); // the offset alone: sizes fit
				expect(u64(zip64!)).toBe(headers[i]);
			} else {
				expect(u32(p + 42)).toBe(headers[i]);
				expect(zip64).toBeUndefined();
			}
			p += 46 + nameLength + extraLength;
		}
		expect(p).toBe(record);
		// The last local header is where the central directory says, in the bytes themselves.
		expect(u32(headers[65])).toBe(0x04034b50);

		// zip.js reads it too, from a reader that gives back the small chunks and zeros elsewhere.
		const entries = await entriesOf(new SparseReader(total, smallChunks));
		expect(entries).toHaveLength(66);
		expect(entries[65].offset).toBe(headers[65]);
		expect(new TextDecoder().decode(await dataOf(entries[65]))).toBe('the end');
		expect(entries[64].offset).toBe(headers[64]);
		expect((await dataOf(entries[64])).length).toBe(big.length);
	});

	it('writes ZIP64 sizes for a file past 4 GiB given as parts', { timeout: 60_000 }, async () => {
		const big = new Uint8Array(64 * 2 ** 20);
		const parts = new Array<Uint8Array>(65).fill(big);
		const size = 65 * big.length;
		let expectedCrc = 0;
		for (const part of parts) expectedCrc = zlib.crc32(part, expectedCrc);
		const after = utf8.encode('after');
		const files: ZipEntry[] = [
			{ name: 'huge.bin', lastModified: 0, data: parts },
			{ name: 'after.txt', lastModified: 0, data: after }
		];
		const { total, headers, smallChunks } = await consume(zipStream(files), big);
		expect(headers).toEqual([0, 30 + 'huge.bin'.length + 9 + 20 + size]);

		// The local header: both sizes all ones, both in its ZIP64 extra (APPNOTE 4.5.3).
		const local = new DataView(smallChunks[0].bytes.buffer, smallChunks[0].bytes.byteOffset);
		expect(local.getUint16(4, true)).toBe(45);
		expect(local.getUint32(14, true)).toBe(expectedCrc);
		expect([local.getUint32(18, true), local.getUint32(22, true)]).toEqual([0xffffffff, 0xffffffff]);
		const extraAt = 30 + 'huge.bin'.length + 9;
		expect([local.getUint16(extraAt, true), local.getUint16(extraAt + 2, true)]).toEqual([0x0001, 16]);
		expect([local.getBigUint64(extraAt + 4, true), local.getBigUint64(extraAt + 12, true)]).toEqual([BigInt(size), BigInt(size)]);

		const [huge, last] = await entriesOf(new SparseReader(total, smallChunks));
		expect(huge.zip64).toBe(true);
		expect(huge.version).toBe(45);
		expect([huge.uncompressedSize, huge.compressedSize, huge.offset]).toEqual([size, size, 0]);
		expect(huge.crc32).toBe(expectedCrc);
		expect(huge.extraField?.get(0x0001)?.data.length).toBe(16); // both sizes, not the offset
		expect(last.offset).toBe(headers[1]);
		expect(last.extraField?.get(0x0001)?.data.length).toBe(8); // the offset alone
		expect(new TextDecoder().decode(await dataOf(last))).toBe('after');
	});
});

/**
 * Reads the archive as a download would, keeping only its last ~1 MiB, its small chunks (headers,
 * the central directory) by offset, and, independently of the central directory, where each
 * local header (a chunk of its own) began. `big` must come through as itself: never copied.
 */
async function consume(stream: ReadableStream<Uint8Array>, big: Uint8Array) {
	let total = 0;
	const headers: number[] = [];
	const smallChunks: { at: number; bytes: Uint8Array }[] = [];
	const recent: Uint8Array[] = [];
	let recentLength = 0;
	for await (const chunk of stream) {
		if (chunk !== big) {
			expect(chunk.length).toBeLessThan(2 ** 20);
			if (chunk.length >= 4 && new DataView(chunk.buffer, chunk.byteOffset).getUint32(0, true) === 0x04034b50) headers.push(total);
			smallChunks.push({ at: total, bytes: chunk });
		}
		total += chunk.length;
		recent.push(chunk);
		recentLength += chunk.length;
		while (recentLength - recent[0].length >= 2 ** 20) recentLength -= recent.shift()!.length;
	}
	return { total, headers, smallChunks, tail: concat(recent).subarray(-(2 ** 20)) };
}

/** The absolute offset of the data of extra field `tag`, if any, in the extra block at `start`. */
function findExtra(start: number, length: number, tag: number, u16: (o: number) => number): number | undefined {
	for (let p = start; p + 4 <= start + length; p += 4 + u16(p + 2)) if (u16(p) === tag) return p + 4;
	return undefined;
}

/** A zip.js Reader over an archive known as its small chunks, every other byte being zero. */
class SparseReader extends Reader<null> {
	constructor(
		private readonly total: number,
		private readonly chunks: readonly { at: number; bytes: Uint8Array }[]
	) {
		super(null);
	}
	async init() {
		this.size = this.total;
	}
	async readUint8Array(index: number, length: number): Promise<Uint8Array> {
		const out = new Uint8Array(Math.max(0, Math.min(length, this.total - index)));
		for (const { at, bytes } of this.chunks) {
			const from = Math.max(index, at);
			const to = Math.min(index + out.length, at + bytes.length);
			if (from < to) out.set(bytes.subarray(from - at, to - at), from - index);
		}
		return out;
	}
}

describe('zipBlob', () => {
	const blobBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
	// toEqual walks megabytes element by element; Buffer compares them at once.
	const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

	it('joins the same archive as zipStream, byte for byte, from Blobs and bytes it never reads', async () => {
		// More entries than one batch, with parts of both kinds and an empty file.
		const files = Array.from({ length: 150 }, (_, i) => {
			const bytes = new Uint8Array(randomBytes(i * 37 + (i % 3 ? 1000 : 0)));
			return { name: `photos/${i}-é.jpg`, lastModified: Date.UTC(2026, 10, 24, 12, 0, i % 60), bytes };
		});
		const expected = (await readAll(zipStream(files.map((f) => ({ name: f.name, lastModified: f.lastModified, data: f.bytes }))))).bytes;
		const blob = await zipBlob(
			files.map((f, i) => ({
				name: f.name,
				lastModified: f.lastModified,
				parts: i % 2 ? [new Blob([f.bytes])] : [f.bytes.subarray(0, 10), new Blob([f.bytes.subarray(10)])],
				crc: crc32(f.bytes)
			}))
		);
		expect(blob.type).toBe('application/zip');
		expect(same(await blobBytes(blob), expected)).toBe(true);
		const entries = await entriesOf(expected);
		expect(entries).toHaveLength(150);
		expect(await dataOf(entries[149])).toEqual(files[149].bytes);
	});

	it('trusts the CRC it is given (it reads nothing to check it)', async () => {
		const blob = await zipBlob([{ name: 'a.txt', lastModified: 0, parts: [utf8.encode('abc')], crc: 0x12345678 }]);
		const view = new DataView(await blob.arrayBuffer());
		expect(view.getUint32(14, true)).toBe(0x12345678);
	});

	// Offsets and sizes past 4 GiB share their header code with zipStream (tested above); Node's
	// Blobs stop at 4 GiB, so the ZIP64 end records are checked here through the entry count.
	it('writes the ZIP64 end records for 70,000 entries, as zipStream does', { timeout: 60_000 }, async () => {
		const one = (i: number) => new Uint8Array([i & 255]);
		const blob = await zipBlob(
			(function* () {
				for (let i = 0; i < 70_000; i++) yield { name: `p/${i}.jpg`, lastModified: 0, parts: [one(i)], crc: zlib.crc32(one(i)) };
			})()
		);
		const expected = await readAll(
			zipStream(
				(function* (): Generator<ZipEntry> {
					for (let i = 0; i < 70_000; i++) yield { name: `p/${i}.jpg`, lastModified: 0, data: one(i) };
				})()
			)
		);
		expect(same(await blobBytes(blob), expected.bytes)).toBe(true);
	});

	it("stops with the signal's reason once aborted", async () => {
		const controller = new AbortController();
		async function* source() {
			yield { name: 'a', lastModified: 0, parts: [utf8.encode('a')], crc: zlib.crc32(utf8.encode('a')) };
			controller.abort(new DOMException('cancelled', 'AbortError'));
			yield { name: 'b', lastModified: 0, parts: [utf8.encode('b')], crc: zlib.crc32(utf8.encode('b')) };
		}
		await expect(zipBlob(source(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('refuses a bad name as zipStream does', async () => {
		await expect(zipBlob([{ name: '../x', lastModified: 0, parts: [], crc: 0 }])).rejects.toBeInstanceOf(TypeError);
	});
});
