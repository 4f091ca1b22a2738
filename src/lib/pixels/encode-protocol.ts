/**
 * Messages between the page and the encode worker (encode-worker.ts). The page sends pixels it
 * gives up (an ImageBitmap or a VideoFrame, transferred, not copied); the worker answers with
 * the encoded Blobs, or with why it could not.
 */
import type { EncodeFormat } from './formats';
import type { Size } from './geometry';
import type { BackdropRef, FrameRecipe } from './recipe';
import type { EncodedThumbnail } from './thumbnail';

export type { EncodeFormat, EncodedThumbnail };

export type EncodeRequest =
	/** `effect`: get that effect's shader ready too, so the first still with it does not wait. */
	/** `backdrop`: load the segmentation model too, and keep "Your photo"'s picture. */
	| { id: number; kind: 'ping'; effect?: string; backdrop?: { ref: BackdropRef; image?: ImageBitmap } }
	| ({ id: number; kind: 'encode'; bitmap: ImageBitmap } & EncodeFormat)
	| ({ id: number; kind: 'still'; frame: VideoFrame; thumbnail: boolean } & StillJob);

/**
 * A whole still from a camera frame: drawn by the recipe at `size` (drawRecipe, as on the page)
 * and encoded; with `thumbnail`, a thumbnail drawn from the same pixels is encoded too.
 */
export interface StillJob extends EncodeFormat {
	size: Size;
	recipe: FrameRecipe;
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
