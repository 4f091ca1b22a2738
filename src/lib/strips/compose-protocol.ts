/**
 * Messages between the page and the strip worker (compose-worker.ts): the photos go as their
 * encoded Blobs (the worker decodes them) or already cut to their cells (transferred), the
 * strip comes back encoded with its thumbnail.
 */
import type { StripDesign } from './draw';
import type { StripLayout } from './layouts';

export interface ComposeJob {
	layout: StripLayout;
	/** Shot i's photo, encoded (undefined where it is gone: its cell stays plain). */
	shots: (Blob | undefined)[];
	/**
	 * Shot i already decoded, cut and scaled to its cell (strips/picture.ts), where it is: drawn
	 * instead of decoding shots[i]. Transferred to the worker; closed once drawn.
	 */
	pictures?: (ImageBitmap | undefined)[];
	design: StripDesign;
	/** When the first shot was taken (the date in the band). */
	takenAt: number;
	overlay?: Blob;
	/** How the strip is encoded. */
	type: string;
	quality: number;
}

export interface ComposedStrip {
	blob: Blob;
	thumbnail: { blob: Blob; width: number; height: number };
}

export type ComposeRequest = { id: number; job: ComposeJob };
export type ComposeReply = { id: number; ok: true; strip: ComposedStrip } | { id: number; ok: false; message: string };
