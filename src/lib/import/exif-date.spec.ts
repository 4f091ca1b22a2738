import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exifSegment } from '$lib/export/exif';
import { exifTakenAt } from './exif-date';

/** A real 2 x 2 JPEG (Chromium's encoder), without EXIF. */
const TINY = Uint8Array.from(atob('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAA//2Q=='), (c) => c.charCodeAt(0));

/** TINY, with `app1` (an EXIF segment) right after its JFIF APP0 (20 bytes in). */
function jpegWith(app1?: Uint8Array): ArrayBuffer {
	const bytes = new Uint8Array([...TINY.subarray(0, 20), ...(app1 ?? []), ...TINY.subarray(20)]);
	return bytes.buffer;
}

const exiftool = (() => {
	try {
		return execFileSync('exiftool', ['-ver'], { encoding: 'utf8' }).trim();
	} catch {
		return undefined;
	}
})();

describe('exifTakenAt', () => {
	it('reads DateTimeOriginal with its offset as an exact moment', async () => {
		// Our own writer puts the offset beside the date: a moment it can be read back as.
		const t = Date.UTC(2019, 6, 4, 10, 34, 56);
		expect(await exifTakenAt(jpegWith(exifSegment({ takenAt: t, camera: 'Cam', width: 10, height: 10 })))).toBe(t);
	});

	it('gives nothing for a file without EXIF, or with bytes that are not EXIF', async () => {
		expect(await exifTakenAt(jpegWith())).toBeUndefined();
		expect(await exifTakenAt(new Uint8Array([1, 2, 3, 4]).buffer)).toBeUndefined();
	});

	it.runIf(exiftool || process.env.CI)('reads a date another tool wrote, without an offset, as local time', async () => {
		expect(exiftool, 'exiftool is installed (.ci/run installs it)').toBeTruthy();
		const dir = mkdtempSync(join(tmpdir(), 'exif-date-'));
		const file = join(dir, 'photo.jpg');
		writeFileSync(file, new Uint8Array(jpegWith()));
		execFileSync('exiftool', ['-q', '-overwrite_original', '-DateTimeOriginal=2001:02:03 04:05:06', '-Make=Other', file]);
		const bytes = new Uint8Array(readFileSync(file)); // its own buffer, not Node's shared pool
		expect(await exifTakenAt(bytes.buffer)).toBe(new Date(2001, 1, 3, 4, 5, 6).getTime());
	});
});
