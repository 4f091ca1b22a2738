import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { exifDateTime, exifOffset, exifSegment, exportBlob, isJpeg, jpegWithExif, planExif, type ExifSplice } from './exif';

const takenAt = new Date(2026, 10, 24, 14, 30, 5, 42).getTime();
const info = { takenAt, camera: 'Fake Cam 0 (05ac:8514)', width: 1280, height: 720 };

/** A JPEG's header shape: SOI, JFIF APP0, a DQT, SOS with a few "scan" bytes, EOI. */
function fakeJpeg(extra: number[][] = []): Uint8Array {
	const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
	const dqt = [0xff, 0xdb, 0, 4, 7, 7];
	const scan = [0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0, 4, 0xff, 0xd9];
	return new Uint8Array([0xff, 0xd8, ...app0, ...extra.flat(), ...dqt, ...scan]);
}

async function joined(parts: Uint8Array[]): Promise<Uint8Array> {
	return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

describe('EXIF values', () => {
	it('writes local date and time in EXIF form', () => {
		expect(exifDateTime(takenAt)).toBe('2026:11:24 14:30:05');
	});

	it('writes the UTC offset of that moment', () => {
		const minutes = -new Date(takenAt).getTimezoneOffset();
		const sign = minutes < 0 ? '-' : '+';
		const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
		const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
		expect(exifOffset(takenAt)).toBe(`${sign}${hh}:${mm}`);
		expect(exifOffset(takenAt)).toMatch(/^[+-]\d\d:\d\d$/);
	});
});

describe('exifSegment', () => {
	it('is an APP1 Exif segment whose length field matches', () => {
		const seg = exifSegment(info);
		expect([...seg.subarray(0, 2)]).toEqual([0xff, 0xe1]);
		expect((seg[2] << 8) | seg[3]).toBe(seg.length - 2);
		expect(new TextDecoder().decode(seg.subarray(4, 8))).toBe('Exif');
		expect(seg.length).toBeLessThan(65535);
	});
});

describe('jpegWithExif, read back by exifr', () => {
	it('carries capture time with offset, software, model and size', async () => {
		const out = await joined(jpegWithExif(fakeJpeg(), info));
		const tags = await exifr.parse(out, { tiff: true, exif: true, reviveValues: false, translateValues: false });
		expect(tags.DateTimeOriginal).toBe('2026:11:24 14:30:05');
		expect(tags.OffsetTimeOriginal).toBe(exifOffset(takenAt));
		expect(tags.SubSecTimeOriginal).toBe('042');
		expect(tags.Software).toBe('Photo Booth');
		expect(tags.Model).toBe('Fake Cam 0 (05ac:8514)');
		expect(tags.ExifImageWidth).toBe(1280);
		expect(tags.ExifImageHeight).toBe(720);
		expect(tags.Orientation).toBe(1);
	});

	it('revives to the right instant in a date-aware reader', async () => {
		const out = await joined(jpegWithExif(fakeJpeg(), info));
		const tags = await exifr.parse(out, { pick: ['DateTimeOriginal'] });
		expect((tags.DateTimeOriginal as Date).getTime()).toBe(Math.floor(takenAt / 1000) * 1000);
	});

	it('goes after JFIF APP0 and keeps every other byte in order', async () => {
		const src = fakeJpeg();
		const out = await joined(jpegWithExif(src, info));
		const seg = exifSegment(info);
		expect([...out.subarray(0, 20)]).toEqual([...src.subarray(0, 20)]); // SOI + APP0
		expect([...out.subarray(20, 20 + seg.length)]).toEqual([...seg]);
		expect([...out.subarray(20 + seg.length)]).toEqual([...src.subarray(20)]);
		expect(isJpeg(out)).toBe(true);
	});

	it('keeps a photo that has EXIF of its own (from another camera) exactly as it is', async () => {
		const theirs = await joined(jpegWithExif(fakeJpeg(), { ...info, camera: 'Their Cam' }));
		const xmp = [0xff, 0xe1, 0, 6, 0x68, 0x74, 0x74, 0x70]; // APP1 that is not Exif, before it
		const withBoth = await joined([theirs.subarray(0, 20), new Uint8Array(xmp), theirs.subarray(20)]);
		expect(jpegWithExif(withBoth, info)).toEqual([withBoth]);
		const tags = await exifr.parse(withBoth, { tiff: true, reviveValues: false });
		expect(tags.Model).toBe('Their Cam');
	});

	it('leaves Model out when the camera label is empty and makes other labels ASCII', async () => {
		const none = await exifr.parse(await joined(jpegWithExif(fakeJpeg(), { ...info, camera: '' })), { tiff: true });
		expect(none.Model).toBeUndefined();
		const odd = await exifr.parse(await joined(jpegWithExif(fakeJpeg(), { ...info, camera: 'Kamera – vorn' })), {
			tiff: true
		});
		expect(odd.Model).toBe('Kamera ? vorn');
	});

	it('returns anything that is not a well-formed JPEG unchanged', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		expect(jpegWithExif(png, info)).toEqual([png]);
		const truncated = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 40, 1]);
		expect(jpegWithExif(truncated, info)).toEqual([truncated]);
	});
});

describe('exportBlob', () => {
	it('adds EXIF to a JPEG and nothing to a PNG, from bytes or a stored Blob alike', async () => {
		const bytes = fakeJpeg();
		const fromBytes = await exportBlob(bytes.slice().buffer as ArrayBuffer, 'image/jpeg', info);
		const fromBlob = await exportBlob(new Blob([bytes as BlobPart], { type: 'image/jpeg' }), 'image/jpeg', info);
		expect(fromBytes.type).toBe('image/jpeg');
		expect(fromBytes.size).toBe(bytes.length + exifSegment(info).length);
		expect(new Uint8Array(await fromBlob.arrayBuffer())).toEqual(new Uint8Array(await fromBytes.arrayBuffer()));
		const png = await exportBlob(new Blob([new Uint8Array([0x89, 0x50])]), 'image/png', info);
		expect(png.size).toBe(2);
	});
});

describe('planExif: where the segment goes, from the first bytes only', () => {
	it('asks for more while the headers run past what it has, then agrees with the whole file', () => {
		const bytes = fakeJpeg();
		const whole = planExif(bytes, bytes.length, info);
		expect(whole).not.toBe('more');
		expect(whole).not.toBeNull();
		const { resumeAt } = whole as Exclude<ExifSplice, 'more' | null>;
		for (let n = 0; n < resumeAt + 4 && n < bytes.length; n++) {
			const plan = planExif(bytes.subarray(0, n), bytes.length, info);
			if (plan === 'more') continue;
			expect(plan).toEqual(whole);
		}
		expect(planExif(bytes.subarray(0, resumeAt + 4), bytes.length, info)).toEqual(whole);
	});

	it('says null for what it cannot parse, however much it is given', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		expect(planExif(png, 1000, info)).toBeNull();
		// A segment that claims to run past the end of the file.
		expect(planExif(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 40, 1]), 7, info)).toBeNull();
	});
});

describe('print resolution', () => {
	it('is 72 dpi for a photo and 300 for a strip, in inches', async () => {
		const { exifInfoOf } = await import('./exif');
		const meta = { takenAt, camera: 'Cam', width: 600, height: 1800 };
		for (const [kind, dpi] of [[undefined, 72], ['strip', 300]] as const) {
			const out = await joined(jpegWithExif(fakeJpeg(), exifInfoOf({ ...meta, kind })));
			const tags = await exifr.parse(out, { tiff: true, pick: ['XResolution', 'YResolution', 'ResolutionUnit'] });
			expect(tags).toMatchObject({ XResolution: dpi, YResolution: dpi, ResolutionUnit: 'inches' });
		}
	});
});
