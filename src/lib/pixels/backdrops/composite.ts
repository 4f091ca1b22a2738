/**
 * The person over a backdrop, on a 2D canvas with alpha (the page's or a worker's), at the
 * picture's own size: the mask (the model's 256x256) is feathered at its own size and scaled up with smoothing
 * to the picture, never the picture scaled down to the mask. The same code draws the live preview
 * and the saved photo.
 */
import { makeCanvas, type AnyCanvas, type Context2D } from '$lib/pixels/canvas';
import type { BackdropInfo } from '$lib/backdrops/list';
import { drawScene, type Area } from './scenes';
import type { Mask } from './segmenter';

/** Scratch canvases, reused from picture to picture (one set per thread). */
class Scratch {
	#canvas: AnyCanvas | undefined;
	#ctx: Context2D | undefined;
	/** Its context at this size, reset (cleared when resized); `keep` leaves what is drawn. */
	get(width: number, height: number, keep = false): Context2D {
		if (!this.#canvas) {
			this.#canvas = makeCanvas(width, height);
			// In memory: these are drawn into and read from every frame.
			this.#ctx = this.#canvas.getContext('2d', { willReadFrequently: true }) as Context2D;
		}
		if (this.#canvas.width !== width) this.#canvas.width = width;
		if (this.#canvas.height !== height) this.#canvas.height = height;
		const ctx = this.#ctx!;
		if (keep) return ctx;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.globalCompositeOperation = 'source-over';
		ctx.filter = 'none';
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		return ctx;
	}
}

const rawMask = new Scratch();
const softMask = new Scratch();
const small = new Scratch();
const smaller = new Scratch();

export interface BackdropPlace {
	/** Where the backdrop is fitted (the part of the picture the photo keeps); all of it when absent. */
	area?: Area;
	/** Drawn mirrored (for a preview that the page shows mirrored back). */
	flip?: boolean;
}

/** The mask's alpha below which the room shows, and how fast it rises to whole above it. */
const EDGE = 80;
const EDGE_GAIN = 1.6;

/**
 * The mask, feathered: blurred a little at the mask's own size, which becomes a soft edge a few
 * pixels wide once scaled up. Where a browser has no canvas filter, the scaling alone softens it.
 */
function feathered(mask: Mask): AnyCanvas {
	const raw = rawMask.get(mask.width, mask.height);
	raw.putImageData(mask, 0, 0);
	const soft = softMask.get(mask.width, mask.height);
	// Cleared: drawn over the last mask, the masks would add up frame after frame.
	soft.clearRect(0, 0, mask.width, mask.height);
	soft.filter = 'blur(1px)';
	soft.drawImage(raw.canvas, 0, 0);
	soft.filter = 'none';
	// The blur spreads the edge both ways; the outer half would show a fringe of the room.
	// Kept inside the model's own edge: below EDGE nothing, then rising to whole.
	const pixels = soft.getImageData(0, 0, mask.width, mask.height);
	const a = pixels.data;
	for (let i = 3; i < a.length; i += 4) a[i] = (a[i] - EDGE) * EDGE_GAIN;
	soft.putImageData(pixels, 0, 0);
	return soft.canvas;
}

/** The picture on `ctx` blurred: scaled down twice and back up (a cheap wide blur at any size). */
function blurred(ctx: Context2D, width: number, height: number): AnyCanvas {
	const w1 = Math.max(8, Math.round(width / 6));
	const h1 = Math.max(8, Math.round(height / 6));
	const one = small.get(w1, h1);
	// Blurred next: a plain (cheap) scaling of the full-size picture is enough.
	one.imageSmoothingQuality = 'low';
	one.drawImage(ctx.canvas, 0, 0, w1, h1);
	const w2 = Math.max(4, Math.round(w1 / 3));
	const h2 = Math.max(4, Math.round(h1 / 3));
	const two = smaller.get(w2, h2);
	// Drawn plain first: the filter fades the edges, which must stay opaque.
	two.drawImage(one.canvas, 0, 0, w2, h2);
	two.filter = 'blur(1.5px)';
	two.drawImage(one.canvas, 0, 0, w2, h2);
	two.filter = 'none';
	return two.canvas;
}

/** Draws `image` to cover `area` (cut to its shape, centred). */
function cover(ctx: Context2D, image: CanvasImageSource & { width: number; height: number }, area: Area): void {
	const scale = Math.max(area.width / image.width, area.height / image.height);
	const w = image.width * scale;
	const h = image.height * scale;
	ctx.drawImage(image, area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
}

/** A scene drawn once per size and placement, kept: scenes never change. */
const sceneCache = new Scratch();
let sceneKey = '';

function sceneCanvas(id: string, width: number, height: number, area: Area, flip: boolean): AnyCanvas {
	const key = `${id} ${width} ${height} ${area.x} ${area.y} ${area.width} ${area.height} ${flip}`;
	const ctx = sceneCache.get(width, height, key === sceneKey);
	if (key !== sceneKey) {
		ctx.fillStyle = '#000';
		ctx.fillRect(0, 0, width, height);
		if (flip) {
			ctx.translate(2 * area.x + area.width, 0);
			ctx.scale(-1, 1);
		}
		drawScene(ctx, id, area);
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		sceneKey = key;
	}
	return ctx.canvas;
}

/**
 * Replaces what is behind the person in the picture on `ctx` (`width` x `height`, a canvas with
 * alpha) with the backdrop. `mask` is the person mask of this picture; `image` is "Your
 * photo"'s picture. Two full-size steps: the picture is cut to the person where it is, then the
 * backdrop is drawn behind.
 */
export function composite(
	ctx: Context2D,
	width: number,
	height: number,
	mask: Mask,
	info: BackdropInfo,
	image?: CanvasImageSource & { width: number; height: number },
	place: BackdropPlace = {}
): void {
	const area = place.area ?? { x: 0, y: 0, width, height };
	// What goes behind, made before the picture is cut (Blur is the picture itself).
	const behind = info.kind === 'blur' ? blurred(ctx, width, height) : info.kind === 'scene' ? sceneCanvas(info.id, width, height, area, !!place.flip) : undefined;
	ctx.save();
	try {
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.imageSmoothingEnabled = true;
		// The mask is soft already: plain bilinear scaling is all it needs.
		ctx.imageSmoothingQuality = 'low';
		ctx.globalCompositeOperation = 'destination-in';
		ctx.drawImage(feathered(mask), 0, 0, width, height);
		ctx.globalCompositeOperation = 'destination-over';
		ctx.imageSmoothingQuality = 'high';
		if (behind) ctx.drawImage(behind, 0, 0, width, height);
		else if (info.kind === 'photo' && image) {
			// Under the photo, black where it does not reach (it covers the kept part only).
			if (place.flip) {
				ctx.translate(2 * area.x + area.width, 0);
				ctx.scale(-1, 1);
			}
			cover(ctx, image, area);
			ctx.setTransform(1, 0, 0, 1, 0, 0);
			ctx.fillStyle = '#000';
			ctx.fillRect(0, 0, width, height);
		} else {
			ctx.fillStyle = info.colour ?? '#000';
			ctx.fillRect(0, 0, width, height);
		}
	} finally {
		ctx.restore();
	}
}
