import { BlobWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter, configure } from '@zip.js/zip.js';
import type { Page } from '@playwright/test';

configure({ useWebWorkers: false });

/** Every file in a ZIP, by name, read in Node. */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
	const reader = new ZipReader(new Uint8ArrayReader(bytes));
	const out = new Map<string, Uint8Array>();
	for (const entry of await reader.getEntries()) {
		if (!entry.directory) out.set(entry.filename, await entry.getData(new Uint8ArrayWriter(), { checkCrc32: true }));
	}
	await reader.close();
	return out;
}

/** A ZIP made in Node from name -> bytes (to build damaged or foreign archives). */
export async function zip(files: Record<string, Uint8Array>): Promise<Buffer> {
	const writer = new ZipWriter(new BlobWriter('application/zip'));
	for (const [name, data] of Object.entries(files)) await writer.add(name, new Uint8ArrayReader(data));
	return Buffer.from(await (await writer.close()).arrayBuffer());
}

/** Decodes images in the page (as another app would), giving each one's size; throws if one does not decode. */
export function decodeInPage(page: Page, images: Uint8Array[]): Promise<{ width: number; height: number }[]> {
	return page.evaluate(async (list) => {
		const out = [];
		for (const b64 of list) {
			// No fetch(data:): the app's CSP allows connections to itself only.
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bmp = await createImageBitmap(new Blob([bytes]));
			out.push({ width: bmp.width, height: bmp.height });
			bmp.close();
		}
		return out;
	}, images.map((b) => Buffer.from(b).toString('base64')));
}
