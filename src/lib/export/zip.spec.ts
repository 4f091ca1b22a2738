import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { BlobReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { nameFiles } from './filename';
import { zipPhotos, zipPhotosBlob } from './zip';

configure({ useWebWorkers: false });

/** A tiny JPEG (SOI, APP0, SOS, data, EOI), padded to `size` bytes so a test can tell it apart. */
function jpeg(n: number, size = 15): Blob {
	const bytes = new Uint8Array(size);
	bytes.set([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, n, n, n]);
	bytes.set([0xff, 0xd9], size - 2);
	return new Blob([bytes], { type: 'image/jpeg' });
}

/** The size of the photo whose stored file "has gone" (see beforeEach). */
const GONE = 1234;

let stored: PhotoMeta[];
const read = Blob.prototype.arrayBuffer;
const slice = Blob.prototype.slice;
const unreadable = new WeakSet<Blob>();

beforeEach(async () => {
	await photos.close();
	globalThis.indexedDB = new IDBFactory();
	stored = [];
	for (const [i, size] of [15, GONE, 15].entries()) {
		stored.push(await photos.add({ blob: jpeg(i, size), width: 4, height: 3, camera: 'Cam', takenAt: Date.UTC(2026, 10, 24, 14, 30, i) }));
	}
	await photos.settled();
	// As Chromium answers for a stored Blob whose file is missing: every read of it, or of a
	// slice of it, fails with NotReadableError.
	Blob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
		const part = slice.apply(this, args);
		if (this.size === GONE || unreadable.has(this)) unreadable.add(part);
		return part;
	};
	Blob.prototype.arrayBuffer = function (this: Blob) {
		if (this.size === GONE || unreadable.has(this)) return Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
		return read.call(this);
	};
});

afterEach(() => {
	Blob.prototype.slice = slice;
	Blob.prototype.arrayBuffer = read;
});

async function names(archive: Blob): Promise<string[]> {
	const reader = new ZipReader(new BlobReader(archive));
	const out: string[] = [];
	for (const e of await reader.getEntries()) {
		if (e.directory) continue;
		await e.getData(new Uint8ArrayWriter(), { checkCrc32: true });
		out.push(e.filename);
	}
	await reader.close();
	return out;
}

describe('a photo whose stored bytes cannot be read', () => {
	for (const exif of [true, false]) {
		const kind = exif ? 'an export' : 'a backup';
		it(`is left out of ${kind} streamed, and reported`, async () => {
			const files = nameFiles(stored);
			const left: string[] = [];
			const archive = await new Response(zipPhotos({ files, exif }, { signal: new AbortController().signal, onUnreadable: (id) => left.push(id) })).blob();
			expect(left).toEqual([stored[1].id]);
			expect(await names(archive)).toEqual([files[0].name, files[2].name]);
		});

		it(`fails ${kind} joined as a Blob with NotReadableError, so it is streamed instead`, async () => {
			// Joined, the same error may mean the browser is out of room for the parts.
			await expect(zipPhotosBlob({ files: nameFiles(stored), exif }, { signal: new AbortController().signal })).rejects.toMatchObject({
				name: 'NotReadableError'
			});
		});
	}
});
