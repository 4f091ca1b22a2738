/**
 * Messages between the page and the clip worker (clip-worker.ts), which turns camera frames into
 * a moving picture as they come: each frame is drawn by the photo's recipe (crop, mirror, effect)
 * at the clip's size the moment it arrives and the camera's frame is let go, so the camera never
 * runs short of buffers and nothing is held at full resolution.
 */
import type { Size } from '$lib/pixels/geometry';
import type { FrameRecipe } from '$lib/pixels/recipe-data';
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';
import type { MotionKind } from '$lib/photos/types';

export type ClipKind = 'gif' | 'boomerang';

export interface ClipSpec {
	kind: ClipKind;
	/** The camera frame's size (what the recipe's crop is in). */
	frame: Size;
	recipe: FrameRecipe;
	/** The picture's size: a GIF's, and a boomerang's video. */
	size: Size;
	/** A GIF's: how long each frame shows, ms. A boomerang's: the frames a second it plays at. */
	delay: number;
	fps: number;
	/** A boomerang: also make a GIF of it, at this size. */
	gifSize?: Size;
	/** A boomerang plays at least this long once through, s. */
	minSeconds: number;
	/** The strips' overlay (a transparent PNG: a frame, a logo), drawn over every frame. */
	overlay?: ImageBitmap;
	/** "Your photo"'s picture, where the recipe's backdrop is one. */
	backdropImage?: ImageBitmap;
}

export type ClipRequest =
	| { kind: 'start'; spec: ClipSpec }
	| { kind: 'frame'; frame: VideoFrame | ImageBitmap }
	| { kind: 'finish' };

/** One file made from the frames. */
export interface ClipFile {
	blob: Blob;
	kind: MotionKind;
	width: number;
	height: number;
	/** Ms it plays once through. */
	duration: number;
	/** How many frames it holds, where known. */
	frames?: number;
	/** A video recorded with the microphone. */
	sound?: boolean;
}

export type ClipReply =
	/** The start is done (a backdrop's model loaded): frames are drawn as they come from now. */
	| { kind: 'ready' }
	/** A frame was drawn at the clip's size (and the camera's frame closed). */
	| { kind: 'drawn'; count: number }
	| { kind: 'done'; files: ClipFile[]; poster?: EncodedThumbnail }
	| { kind: 'failed'; message: string };
