/**
 * The person over a backdrop, at the picture's own size: the mask (the model's 256x256) is
 * feathered at its own size and scaled up to the picture as it is mixed in (blend.ts), never the
 * picture scaled down to the mask. The same code draws the live preview and the saved photo.
 */
import { makeCanvas, type Context2D } from '$lib/pixels/canvas';
import type { BackdropInfo } from '$lib/backdrops/list';
import { blend, featherMask, shrinkBlurred, type Behind, type Pixels } from './blend';
import { drawScene, type Area } from './scenes';
import { hexToRgb } from '$lib/colour';
import type { Mask } from './segmenter';
import { blendPlanes } from './planar-blend';
import { planesToImage, type PlanarSource } from '../effects/planes';

export interface BackdropPlace {
	/** Where the backdrop is fitted (the part of the picture the photo keeps); all of it when absent. */
	area?: Area;
	/** Drawn mirrored (for a preview that the page shows mirrored back). */
	flip?: boolean;
}

type Image = CanvasImageSource & { width: number; height: number };

/**
 * A backdrop drawn on a canvas once per size and placement, kept as pixels: scenes never change,
 * and "Your photo" only when another is chosen. One per thread and kind.
 */
class Drawn {
	#key = '';
	#source: Image | undefined;
	#pixels: Uint8ClampedArray | undefined;

	get(key: string, source: Image | undefined, width: number, height: number, draw: (ctx: Context2D) => void): Uint8ClampedArray {
		if (this.#pixels && key === this.#key && source === this.#source) return this.#pixels;
		// A canvas for the drawing only: the pixels are what is kept.
		const ctx = makeCanvas(width, height).getContext('2d', { willReadFrequently: true }) as Context2D;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		ctx.fillStyle = '#000';
		ctx.fillRect(0, 0, width, height);
		draw(ctx);
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		this.#pixels = ctx.getImageData(0, 0, width, height).data;
		this.#key = key;
		this.#source = source;
		return this.#pixels;
	}
}

const scenes = new Drawn();
const photos = new Drawn();

/** Draws `image` to cover `area` (cut to its shape, centred). */
function cover(ctx: Context2D, image: Image, area: Area): void {
	const scale = Math.max(area.width / image.width, area.height / image.height);
	const w = image.width * scale;
	const h = image.height * scale;
	ctx.drawImage(image, area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
}

function mirrored(ctx: Context2D, area: Area, flip: boolean): void {
	if (!flip) return;
	ctx.translate(2 * area.x + area.width, 0);
	ctx.scale(-1, 1);
}


/**
 * What goes behind the person in `picture` (Blur is the picture itself: it is drawn first, or
 * read from the planes `src` it is about to be made from).
 */
function behind(picture: Pixels, info: BackdropInfo, image: Image | undefined, area: Area, flip: boolean, src?: PlanarSource): Behind {
	const { width, height } = picture;
	const key = `${info.id} ${width} ${height} ${area.x} ${area.y} ${area.width} ${area.height} ${flip}`;
	switch (info.kind) {
		case 'blur': {
			// About 1/18 of the size, blurred there: scaled back up, a wide soft blur. From the
			// planes, a picture a third of the size is read: as many samples as shrinkBlurred takes
			// of a whole one (every third pixel), a pixel further along (the same room, blurred).
			const room = src ? planesToImage(src.planes, third(Math.ceil(width / 3), Math.ceil(height / 3)), src.mirror, src.from) : picture;
			return { small: shrinkBlurred(room, Math.max(4, Math.round(width / 18)), Math.max(4, Math.round(height / 18))) };
		}
		case 'scene':
			return {
				full: scenes.get(key, undefined, width, height, (ctx) => {
					mirrored(ctx, area, flip);
					drawScene(ctx, info.id, area);
				})
			};
		case 'photo':
			// Black where the photo does not reach (it covers the kept part only).
			if (image)
				return {
					full: photos.get(key, image, width, height, (ctx) => {
						mirrored(ctx, area, flip);
						cover(ctx, image, area);
					})
				};
			return { colour: [0, 0, 0] };
		default:
			return { colour: hexToRgb(info.colour) ?? [0, 0, 0] };
	}
}

/**
 * Replaces what is behind the person in `picture` (in place) with the backdrop. `mask` is the
 * person mask of this picture; `image` is "Your photo"'s picture.
 */
export function compositePixels(picture: Pixels, mask: Mask, info: BackdropInfo, image?: Image, place: BackdropPlace = {}): void {
	const area = place.area ?? { x: 0, y: 0, width: picture.width, height: picture.height };
	blend(picture, featherMask(mask), mask.width, mask.height, behind(picture, info, image, area, !!place.flip));
}

/**
 * The same for a picture still to be made from a frame's planes (`picture` only gives the size
 * and the memory): made and composited in one pass (planar-blend.ts).
 */
export function compositePlanes(picture: Pixels, src: PlanarSource, mask: Mask, info: BackdropInfo, image?: Image): void {
	const area = { x: 0, y: 0, width: picture.width, height: picture.height };
	blendPlanes(picture, src, featherMask(mask), mask.width, mask.height, behind(picture, info, image, area, false, src));
}

/** The Blur's third-size picture, kept from one still to the next (fresh memory is dear here). */
let thirdSize: Pixels | undefined;
function third(width: number, height: number): Pixels {
	if (thirdSize?.width !== width || thirdSize.height !== height) thirdSize = { data: new Uint8ClampedArray(width * height * 4), width, height };
	return thirdSize;
}

/** The same, for the picture on `ctx` (`width` x `height`): read, mixed, put back. */
export function composite(ctx: Context2D, width: number, height: number, mask: Mask, info: BackdropInfo, image?: Image, place: BackdropPlace = {}): void {
	const picture = ctx.getImageData(0, 0, width, height);
	compositePixels(picture, mask, info, image, place);
	ctx.putImageData(picture, 0, 0);
}
