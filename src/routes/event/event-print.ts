/**
 * A guest's print: the event's copies of the result on pages of its print size (gallery/print.ts),
 * counted on the photo and against the event's limit. One print sheet picture at a time all
 * evening: each print releases the one before.
 */
import type { EventHost } from '$lib/event/event.svelte';
import { isVideo, type PhotoMeta } from '$lib/photos/types';

let sheetUrl: string | undefined;

/** Releases the last print's picture (leaving the guests' page). */
export function releasePrint(): void {
	if (sheetUrl) URL.revokeObjectURL(sheetUrl);
	sheetUrl = undefined;
}

/** Whether this result can be printed at all (a clip cannot; a GIF prints its first frame). */
export const printable = (meta: PhotoMeta | null): meta is PhotoMeta => !!meta && !isVideo(meta);

/**
 * Prints the result; resolves with the words for the guest. Refused (nothing printed) when the
 * copies would pass the event's limit.
 */
export async function printResult(meta: PhotoMeta, events: EventHost): Promise<string> {
	const event = events.running;
	if (!event) return '';
	const copies = event.copies;
	if (events.printsLeft < copies) return 'This event has used all its prints. Ask the host for more.';
	if (!printable(meta)) return '';
	// Counted before anything is awaited, so nothing can slip past the limit meanwhile; given back
	// if the print cannot be made.
	events.countPrints(copies);
	let blob: Blob | undefined;
	let printPage: typeof import('$lib/gallery/print').printPage;
	let printImage: typeof import('$lib/gallery/print').printImage;
	try {
		const [print, { photos }] = await Promise.all([import('$lib/gallery/print'), import('$lib/photos/repository')]);
		({ printImage, printPage } = print);
		blob = await photos.getOriginal(meta.id);
		if (!blob) throw new Error('The photo is gone.');
		await photos.countPrints(meta.id, copies);
	} catch (e) {
		events.countPrints(-copies);
		throw e;
	}
	releasePrint();
	sheetUrl = URL.createObjectURL(blob);
	printImage(sheetUrl, printPage(meta), copies, meta.kind === 'strip');
	return copies === 1 ? 'Printing your photo…' : `Printing ${copies} copies…`;
}
