/**
 * The clip worker: camera frames in, a GIF or a boomerang out (see protocol.ts). A GIF is
 * quantized and written frame by frame as they come (gif.ts); a boomerang keeps its frames at the
 * video's size (20-odd of them, never the camera's) and encodes them forward and back once the
 * last has come (video-encode.ts, loaded only for boomerangs).
 */
import { context2d, makeCanvas } from '$lib/pixels/canvas';
import { drawRecipe } from '$lib/pixels/recipe';
import '$lib/pixels/effects/stills';
import { thumbnailOf, type EncodedThumbnail } from '$lib/pixels/thumbnail';
import { GifWriter } from './gif';
import { boomerangOrder } from './boomerang';
import type { ClipFile, ClipReply, ClipRequest, ClipSpec } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ClipRequest>) => void) | null; postMessage(m: ClipReply): void };

let spec: ClipSpec | undefined;
let canvas: OffscreenCanvas | undefined;
let gif: GifWriter | undefined;
/** A boomerang's frames at the video's size, in order. */
let kept: ImageBitmap[] = [];
let poster: Promise<EncodedThumbnail | undefined> | undefined;
let drawn = 0;
/** Work runs in order: a frame that comes during another's encode waits its turn. */
let queue: Promise<void> = Promise.resolve();

function frameSize(frame: VideoFrame | ImageBitmap) {
	return 'displayWidth' in frame ? { width: frame.displayWidth, height: frame.displayHeight } : { width: frame.width, height: frame.height };
}

/** Draws a camera frame by the recipe at the clip's size, and lets the camera's frame go. */
function draw(frame: VideoFrame | ImageBitmap): OffscreenCanvas {
	const s = spec!;
	canvas ??= makeCanvas(s.size.width, s.size.height) as OffscreenCanvas;
	const ctx = context2d(canvas);
	try {
		drawRecipe(ctx, frame, frameSize(frame), s.size, s.recipe);
	} finally {
		frame.close();
	}
	if (s.overlay) ctx.drawImage(s.overlay, 0, 0, s.size.width, s.size.height);
	return canvas;
}

/** Adds a picture to a GIF at `size` (scaled first, unless it is a canvas of that size already). */
function addGifFrame(writer: GifWriter, source: OffscreenCanvas | ImageBitmap, size: { width: number; height: number }, delay: number): void {
	let at = source instanceof OffscreenCanvas && source.width === size.width && source.height === size.height ? source : undefined;
	if (!at) {
		at = makeCanvas(size.width, size.height) as OffscreenCanvas;
		context2d(at).drawImage(source, 0, 0, size.width, size.height);
	}
	writer.add(context2d(at).getImageData(0, 0, size.width, size.height).data, size.width, size.height, delay);
}

async function onFrame(frame: VideoFrame | ImageBitmap): Promise<void> {
	const s = spec;
	if (!s) return void frame.close();
	const picture = draw(frame);
	drawn++;
	scope.postMessage({ kind: 'drawn', count: drawn });
	// Its thumbnail is scaled from the first frame now, and encoded meanwhile.
	if (drawn === 1) poster = thumbnailOf(picture).catch(() => undefined);
	if (s.kind === 'gif') addGifFrame((gif ??= new GifWriter()), picture, s.size, s.delay);
	else kept.push(picture.transferToImageBitmap());
}

async function finish(): Promise<ClipFile[]> {
	const s = spec!;
	if (s.kind === 'gif') {
		if (!gif || gif.frames < 2) throw new Error('Too few frames were taken for a GIF.');
		const bytes = gif.finish();
		return [{ blob: new Blob([bytes], { type: 'image/gif' }), kind: 'gif', ...s.size, duration: gif.duration, frames: gif.frames }];
	}
	if (kept.length < 2) throw new Error('Too few frames were taken for a boomerang.');
	const order = boomerangOrder(kept.length, Math.ceil(s.minSeconds * s.fps));
	const { encodeVideo } = await import('./video-encode');
	const video = await encodeVideo(order.map((i) => kept[i]), s.size, s.fps);
	const files: ClipFile[] = [{ blob: video.blob, kind: 'boomerang', ...s.size, duration: video.duration, frames: order.length }];
	if (s.gifSize) {
		// One swing: the GIF loops by itself.
		const writer = new GifWriter();
		for (const i of boomerangOrder(kept.length)) addGifFrame(writer, kept[i], s.gifSize, 1000 / s.fps);
		files.push({ blob: new Blob([writer.finish()], { type: 'image/gif' }), kind: 'gif', ...s.gifSize, duration: writer.duration, frames: writer.frames });
	}
	return files;
}

async function readyBackdrops(photo?: string, image?: ImageBitmap): Promise<void> {
	try {
		const m = await import('$lib/pixels/backdrops/stills');
		if (photo && image) m.keepBackdropImage(photo, image);
		await m.loadBackdrops();
	} catch (e) {
		// The clip is made without its backdrop (drawRecipe says so) rather than lost.
		console.warn('Backdrops could not load in the clip worker:', e);
	}
}

function reset(): void {
	for (const b of kept) b.close();
	spec?.overlay?.close();
	kept = [];
	spec = undefined;
	gif = undefined;
	poster = undefined;
	drawn = 0;
}

scope.onmessage = (event) => {
	const msg = event.data;
	if (msg.kind === 'start') {
		reset();
		spec = msg.spec;
		const { recipe, backdropImage } = spec;
		// Backdrops load here the first time a clip has one; frames wait in the queue meanwhile.
		if (recipe.backdrop) queue = queue.then(() => readyBackdrops(recipe.backdrop?.photo, backdropImage));
		queue = queue.then(() => scope.postMessage({ kind: 'ready' }));
		return;
	}
	if (msg.kind === 'frame') {
		const frame = msg.frame;
		queue = queue.then(() => onFrame(frame)).catch((e: unknown) => {
			frame.close();
			throw e;
		});
		return;
	}
	queue = queue
		.then(async () => {
			const files = await finish();
			scope.postMessage({ kind: 'done', files, poster: await poster });
		})
		.catch((e: unknown) => scope.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }))
		.finally(reset);
};
