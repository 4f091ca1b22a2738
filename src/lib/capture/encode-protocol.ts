/**
 * Messages between the page and the encode worker (encode-worker.ts). The page sends pixels it
 * gives up (an ImageBitmap or a VideoFrame, transferred, not copied); the worker answers with
 * the encoded Blobs, or with why it could not.
 */
/** How to encode: a MIME type (browsers without it give PNG) and a quality from 0 to 1. */
export interface EncodeFormat {
	type: string;
	quality: number;
}

export interface ThumbnailRequest extends EncodeFormat {
	/** Longest side, px. */
	size: number;
}

export type EncodeRequest =
	| { id: number; kind: 'ping' }
	| ({ id: number; kind: 'encode'; bitmap: ImageBitmap } & EncodeFormat)
	| ({ id: number; kind: 'still'; frame: VideoFrame } & StillJob);

/**
 * A whole still from a camera frame: drawn at width x height (mirrored if asked), encoded, and
 * a thumbnail drawn from the same pixels and encoded too.
 */
export interface StillJob extends EncodeFormat {
	width: number;
	height: number;
	mirror: boolean;
	thumbnail?: ThumbnailRequest;
}

export interface EncodedThumbnail {
	blob: Blob;
	width: number;
	height: number;
}

export type EncodeReply =
	| { id: number; kind: 'pong' }
	/** A still's frame is drawn (and closed): the page may let go of its own copy. */
	| { id: number; kind: 'drawn' }
	| { id: number; kind: 'encoded'; blob: Blob }
	/** After a still's 'encoded': its thumbnail, or none if it could not be made. */
	| { id: number; kind: 'thumbnail'; thumbnail?: EncodedThumbnail }
	/**
	 * The job failed. A still that was drawn comes back as `pixels` (transferred), so the page
	 * can still encode it: the camera frame itself is gone by then.
	 */
	| { id: number; kind: 'failed'; message: string; pixels?: ImageBitmap };
