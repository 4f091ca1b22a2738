/// <reference lib="webworker" />
/**
 * The encode worker: drawing camera frames and JPEG, PNG and WebP encoding, off the page's
 * thread.
 *
 * Why: on the page, drawing a 1080p camera frame (a YUV to RGB conversion) takes 10-20 ms of
 * the main thread, and Chromium encodes a canvas's JPEG or PNG row by row in the main thread's
 * idle time, so during a burst each shot waited behind the preview and the saves. In a worker
 * both run at once on the worker's own thread, on the other core.
 */
import type { EncodeReply, EncodeRequest } from './encode-protocol';
import { context2d } from './canvas';
import { cropRect, drawRecipe, drawRecipeFromPlanes, type FrameRecipe } from './recipe';
import type { Size } from './geometry';
// Every effect a recipe can name, drawn through WebGL on this worker's own OffscreenCanvas.
import { drawsEffect, effectStill, warmStill } from './effects/stills';
import { copyPlanes } from './effects/planes';
import { thumbnailOf, type EncodedThumbnail } from './thumbnail';

declare const self: DedicatedWorkerGlobalScope;

const reply = (message: EncodeReply) => self.postMessage(message);

async function encodeBitmap(bitmap: ImageBitmap, type: string, quality: number): Promise<Blob> {
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	// Takes the bitmap's pixels over without a copy.
	const ctx = canvas.getContext('bitmaprenderer');
	if (ctx) ctx.transferFromImageBitmap(bitmap);
	else {
		context2d(canvas).drawImage(bitmap, 0, 0);
		bitmap.close();
	}
	return canvas.convertToBlob({ type, quality });
}

/**
 * Draws a still the moment it comes (the camera's frame goes back to it at once: a burst that
 * held frames waiting for their turn starved the camera, and shots got a frame twice), then
 * encodes it in its turn, answers, and makes its thumbnail (the save need not wait for it).
 */
/** Backdrops (the segmentation model), loaded here the first time a recipe names one. */
let backdrops: Promise<typeof import('$lib/pixels/backdrops/stills')> | undefined;

async function readyBackdrops(): Promise<typeof import('$lib/pixels/backdrops/stills')> {
	const loading = (backdrops ??= import('$lib/pixels/backdrops/stills'));
	let m: Awaited<typeof loading>;
	try {
		m = await loading;
	} catch (e) {
		// Tried again next time (a chunk that failed to load once may load later).
		backdrops = undefined;
		throw e;
	}
	try {
		await m.loadBackdrops();
	} catch (e) {
		// The still is saved without its backdrop (drawRecipe says so) rather than lost.
		console.warn('Backdrops could not load in the encode worker:', e);
	}
	return m;
}

/** A backdrop's still from the frame's planes (recipe.ts drawRecipeFromPlanes), where it can be. */
async function fromPlanes(canvas: OffscreenCanvas, frame: VideoFrame, size: Size, recipe: FrameRecipe): Promise<boolean> {
	// Resampled (a smaller photo size): the canvas draws it; the planes are not copied for nothing.
	const r = cropRect({ width: frame.displayWidth, height: frame.displayHeight }, recipe);
	if (r.width !== size.width || r.height !== size.height) return false;
	const planes = await copyPlanes(frame);
	return !!planes && drawRecipeFromPlanes(context2d(canvas), planes, size, recipe);
}

/**
 * 2D canvases of stills done with, kept for the next ones: a new 1080p canvas's memory, touched
 * for the first time, cost 30-50 ms a still here (the system's page faults), as much as the draw.
 */
const idle: OffscreenCanvas[] = [];
const IDLE_MAX = 2;

function canvasFor(size: Size): OffscreenCanvas {
	const i = idle.findIndex((c) => c.width === size.width && c.height === size.height);
	if (i < 0) return new OffscreenCanvas(size.width, size.height);
	const canvas = idle.splice(i, 1)[0];
	const ctx = context2d(canvas);
	// As new: whatever the last still's drawing left set.
	if (typeof ctx.reset === 'function') ctx.reset();
	else {
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.globalAlpha = 1;
		ctx.globalCompositeOperation = 'source-over';
		ctx.filter = 'none';
	}
	return canvas;
}

function release(canvas: OffscreenCanvas, pooled: boolean): void {
	if (pooled && idle.length < IDLE_MAX) idle.push(canvas);
}

/**
 * Runs `round` (one round of warming up, true while more are left) in tasks of its own while no
 * still is waiting; a still stops it (its own work warms the code up as well).
 */
function warm(round: () => boolean): void {
	setTimeout(() => {
		if (stillsWaiting > 0) return;
		try {
			if (round()) warm(round);
		} catch (e) {
			console.warn('Could not warm the backdrop work up:', e);
		}
	}, 0);
}

async function still(msg: Extract<EncodeRequest, { kind: 'still' }>): Promise<void> {
	const { frame, size } = msg;
	let canvas: OffscreenCanvas;
	let pooled = false;
	try {
		const frameSize = { width: frame.displayWidth, height: frame.displayHeight };
		if (msg.recipe.backdrop) await readyBackdrops();
		// The one-pass effect draws straight from the camera's frame: a backdrop comes between.
		const withEffect = drawsEffect(msg.recipe) && !msg.recipe.backdrop
			? effectStill((await copyPlanes(frame)) ?? frame, frameSize, size, msg.recipe)
			: null;
		if (withEffect) {
			canvas = new OffscreenCanvas(size.width, size.height);
			canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(withEffect);
		} else {
			canvas = canvasFor(size);
			pooled = true;
			if (!(msg.recipe.backdrop && (await fromPlanes(canvas, frame, size, msg.recipe))))
				drawRecipe(context2d(canvas), frame, frameSize, size, msg.recipe);
		}
	} finally {
		frame.close();
	}
	reply({ id: msg.id, kind: 'drawn' });
	await inTurn(() => encodeStill(msg, canvas, pooled));
}

async function encodeStill(msg: Extract<EncodeRequest, { kind: 'still' }>, canvas: OffscreenCanvas, pooled: boolean): Promise<void> {
	let blob: Blob;
	try {
		blob = await canvas.convertToBlob({ type: msg.type, quality: msg.quality });
	} catch (e) {
		// The page has let go of the frame: the drawn pixels go back for it to encode.
		const pixels = await createImageBitmap(canvas);
		self.postMessage({ id: msg.id, kind: 'failed', message: e instanceof Error ? e.message : String(e), pixels } satisfies EncodeReply, [
			pixels
		]);
		release(canvas, pooled);
		return;
	}
	reply({ id: msg.id, kind: 'encoded', blob });
	if (msg.thumbnail) later(msg.id, () => thumbnailOf(canvas).finally(() => release(canvas, pooled)));
	else release(canvas, pooled);
}

/**
 * Thumbnails wait until no still is waiting: in a burst the next shot's draw comes first (this
 * thread does one thing at a time), and the thumbnails follow in the gaps.
 */
const thumbnailQueue: { id: number; make: () => Promise<EncodedThumbnail> }[] = [];
let stillsWaiting = 0;
let draining = false;
/** Each queued thumbnail holds its still's pixels: past this many they go first after all. */
const MAX_QUEUED = 4;
const mayMake = () => stillsWaiting === 0 || thumbnailQueue.length > MAX_QUEUED;

function later(id: number, make: () => Promise<EncodedThumbnail>): void {
	thumbnailQueue.push({ id, make });
	drain();
}

function drain(): void {
	if (draining) return;
	draining = true;
	// A task of its own: still messages already queued run first.
	setTimeout(async () => {
		while (thumbnailQueue.length && mayMake()) {
			const { id, make } = thumbnailQueue.shift()!;
			let thumbnail: EncodedThumbnail | undefined;
			try {
				thumbnail = await make();
			} catch {
				// None: the page makes it from the photo.
			}
			reply({ id, kind: 'thumbnail', thumbnail });
			// Let a still that arrived meanwhile go first.
			await new Promise((r) => setTimeout(r, 0));
		}
		draining = false;
		if (thumbnailQueue.length && mayMake()) drain();
	}, 0);
}

function pixelsOf(msg: EncodeRequest): { close(): void } | undefined {
	return msg.kind === 'still' ? msg.frame : msg.kind === 'encode' ? msg.bitmap : undefined;
}

/**
 * Stills are encoded in the order they came, at most two at a time. Started all at once, a
 * burst's encodes waited behind its later draws and all finished together, 4 s after the first
 * shot (10 shots 200 ms apart at 1080p here): a tab closed at "8 of 10" had stored none. One at a
 * time stores the first soonest but leaves the encoder's own thread idle (6.5 s for the ten);
 * two lanes store the first within about a second and all ten in 3.9 s.
 */
const LANES = 2;
let running = 0;
const turns: (() => void)[] = [];
async function inTurn<T>(job: () => Promise<T>): Promise<T> {
	if (running >= LANES) await new Promise<void>((r) => turns.push(r));
	running++;
	try {
		return await job();
	} finally {
		running--;
		turns.shift()?.();
	}
}

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
	const msg = event.data;
	if (msg.kind === 'ping') {
		const backdrop = msg.backdrop;
		if (backdrop) {
			return void readyBackdrops()
				.then((m) => {
					if (backdrop.image && backdrop.ref.photo) m.keepBackdropImage(backdrop.ref.photo, backdrop.image);
					return m;
				})
				.then(
					(m) => {
						reply({ id: msg.id, kind: 'pong' });
						warm(m.warmBackdrops);
					},
					(e: unknown) => {
						console.warn('Backdrops could not load in the encode worker:', e);
						reply({ id: msg.id, kind: 'pong' });
					}
				);
		}
		if (msg.effect) {
			try {
				warmStill(msg.effect);
			} catch (e) {
				console.warn('Could not get the effect ready:', e);
			}
		}
		return reply({ id: msg.id, kind: 'pong' });
	}
	const job =
		msg.kind === 'still'
			? (stillsWaiting++, still(msg).finally(() => (stillsWaiting--, drain())))
			: encodeBitmap(msg.bitmap, msg.type, msg.quality).then((blob) => reply({ id: msg.id, kind: 'encoded', blob }));
	job.catch((e: unknown) => {
		try {
			pixelsOf(msg)?.close();
		} catch {
			// already closed
		}
		reply({ id: msg.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
	});
};
