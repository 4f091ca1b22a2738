import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { BlobReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { storedBytes } from '$lib/photos/db';
import { photos } from '$lib/photos/repository';
import type { PhotoMeta } from '$lib/photos/types';
import { nameFiles } from './filename';
import type { ZipJob } from './zip';
import { ZIP_PROTOCOL, zipUrl, type ZipNews } from './zip-protocol';
import { onZipMessage, serveZip } from './zip-worker';

configure({ useWebWorkers: false });

const ORIGIN = 'http://127.0.0.1:4173';

/** A job posted as the page posts it, with the news it gets back. */
function post(job: ZipJob, protocol = ZIP_PROTOCOL) {
	const token = crypto.randomUUID();
	const { port1, port2 } = new MessageChannel();
	const news: ZipNews[] = [];
	port1.onmessage = (e: MessageEvent<ZipNews>) => news.push(e.data);
	const handled = onZipMessage({ data: { type: 'zip-job', protocol, token, job }, ports: [port2] });
	const url = new URL(zipUrl(token, 'photobooth-2026-11-24-143005.zip'), ORIGIN);
	return { token, url, news, handled, control: port1 };
}

/** Waits for the port's messages (delivered in later tasks) until `ok` holds. */
async function until(ok: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(ok()).toBe(true);
}

const jpeg = (n: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, n, n, n, 0xff, 0xd9])], { type: 'image/jpeg' });

let stored: PhotoMeta[];

beforeEach(async () => {
	await photos.close();
	globalThis.indexedDB = new IDBFactory();
	stored = [];
	for (let i = 0; i < 3; i++) {
		stored.push(await photos.add({ blob: jpeg(i), width: 4, height: 3, camera: 'Test Cam', takenAt: Date.UTC(2026, 10, 24, 14, 30, i) }));
	}
});

async function entriesOf(bytes: Uint8Array) {
	const reader = new ZipReader(new BlobReader(new Blob([bytes as Uint8Array<ArrayBuffer>])));
	const out = new Map<string, Uint8Array>();
	for (const e of await reader.getEntries()) if (!e.directory) out.set(e.filename, await e.getData!(new Uint8ArrayWriter(), { checkCrc32: true }));
	await reader.close();
	return out;
}

describe('the service worker writing an archive', () => {
	it('accepts a job, then answers its URL with the archive as a download, reporting progress', async () => {
		const job = post({ files: nameFiles(stored), exif: false, extra: { 'manifest.json': '{"a":1}' } });
		expect(job.handled).toBe(true);
		await until(() => job.news.some((n) => n.type === 'accepted'));

		const res = serveZip(job.url);
		expect(res.status).toBe(200);
		expect(res.headers.get('Content-Type')).toBe('application/zip');
		expect(res.headers.get('Content-Disposition')).toBe(
			`attachment; filename="photobooth-2026-11-24-143005.zip"; filename*=UTF-8''photobooth-2026-11-24-143005.zip`
		);
		const files = await entriesOf(new Uint8Array(await res.arrayBuffer()));
		expect([...files.keys()]).toEqual(['manifest.json', ...nameFiles(stored).map((f) => f.name)]);
		expect(new TextDecoder().decode(files.get('manifest.json'))).toBe('{"a":1}');
		// A backup (exif: false) carries the stored bytes exactly.
		const first = await photos.readOriginal(stored[0].id);
		expect([...files.values()][1]).toEqual(new Uint8Array(await storedBytes(first!.data)));

		await until(() => job.news.some((n) => n.type === 'done'));
		const types = job.news.map((n) => n.type);
		expect(types[0]).toBe('accepted');
		expect(types[1]).toBe('started');
		expect(types.at(-1)).toBe('done');
		expect(job.news.filter((n) => n.type === 'progress').at(-1)).toEqual({ type: 'progress', done: 3 });
	});

	it('serves a job once; an unknown or used token is a 404 with a next step', async () => {
		const job = post({ files: nameFiles(stored), exif: true });
		await until(() => job.news.length > 0);
		await serveZip(job.url).arrayBuffer();
		const again = serveZip(job.url);
		expect(again.status).toBe(404);
		expect(await again.text()).toMatch(/Start it again from the gallery/);
		expect(serveZip(new URL(zipUrl(crypto.randomUUID(), 'x.zip'), ORIGIN)).status).toBe(404);
	});

	it('refuses a job from a page of another version, saying what to do', async () => {
		const job = post({ files: nameFiles(stored), exif: true }, ZIP_PROTOCOL + 1);
		await until(() => job.news.length > 0);
		expect(job.news[0]).toEqual({ type: 'error', message: expect.stringMatching(/reload/i) });
		expect(serveZip(job.url).status).toBe(404);
	});

	it('leaves other messages to their own handlers', () => {
		expect(onZipMessage({ data: { type: 'SKIP_WAITING' }, ports: [] })).toBe(false);
		expect(onZipMessage({ data: { type: 'zip-keepalive' }, ports: [] })).toBe(true);
	});

	it('stops when the page cancels: the download errors and the page hears it was cancelled', async () => {
		const job = post({ files: nameFiles(stored), exif: true });
		await until(() => job.news.length > 0);
		const reader = serveZip(job.url).body!.getReader();
		await reader.read();
		job.control.postMessage({ type: 'cancel' });
		await until(() => job.news.some((n) => n.type === 'cancelled'));
		await expect(
			(async () => {
				for (;;) if ((await reader.read()).done) return 'finished';
			})()
		).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('stops when the download is cancelled in the browser, and tells the page', async () => {
		const job = post({ files: nameFiles(stored), exif: true });
		await until(() => job.news.length > 0);
		const body = serveZip(job.url).body!;
		const reader = body.getReader();
		await reader.read();
		await reader.cancel();
		await until(() => job.news.some((n) => n.type === 'cancelled'));
		expect(job.news.some((n) => n.type === 'done')).toBe(false);
	});

	it('tells the page of a photo left out because its stored bytes cannot be read', async () => {
		const big = new Uint8Array(1234);
		big.set(new Uint8Array(await jpeg(9).arrayBuffer()));
		const gone = await photos.add({ blob: new Blob([big], { type: 'image/jpeg' }), width: 4, height: 3, camera: 'Test Cam', takenAt: Date.UTC(2026, 10, 24, 14, 31) });
		const read = Blob.prototype.arrayBuffer;
		// As Chromium answers for a stored Blob whose file is missing.
		Blob.prototype.arrayBuffer = function (this: Blob) {
			if (this.size === 1234) return Promise.reject(new DOMException('gone', 'NotReadableError'));
			return read.call(this);
		};
		try {
			const job = post({ files: nameFiles([...stored, gone]), exif: false });
			await until(() => job.news.length > 0);
			const files = await entriesOf(new Uint8Array(await serveZip(job.url).arrayBuffer()));
			expect(files.size).toBe(3);
			await until(() => job.news.some((n) => n.type === 'done'));
			expect(job.news.filter((n) => n.type === 'unreadable')).toEqual([{ type: 'unreadable', id: gone.id }]);
		} finally {
			Blob.prototype.arrayBuffer = read;
		}
	});
});
