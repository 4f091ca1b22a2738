/**
 * Backdrops for saved pictures: registers the backdrop renderer with the frame recipes
 * (pixels/recipe.ts), so a still, a clip's frame or a video's frame drawn by a recipe that names a
 * backdrop gets it, at its own full size: the picture is segmented as it was drawn (cut and
 * mirrored), and the person composited over the backdrop. Loaded by the encode and clip workers
 * (and by the page, for what the page draws itself) the first time a recipe names a backdrop.
 */
import { registerBackdrop } from '$lib/pixels/recipe';
import { backdropInfo } from '$lib/backdrops/list';
import { compositePixels, compositePlanes } from './composite';
import { squeezePlanes } from './planar-blend';
import { yuvToRgb } from '../effects/planes';
import { backdropImage } from './images';
import { BackdropsUnavailableError, Segmenter } from './segmenter';

export { keepBackdropImage } from './images';

let loading: Promise<Segmenter> | undefined;
let segmenter: Segmenter | undefined;

/** Loads the model in this thread (once); rejects where backdrops cannot run here. */
export function loadBackdrops(): Promise<Segmenter> {
	loading ??= Segmenter.load().then(
		(s) => (segmenter = s),
		(e: unknown) => {
			// A runtime this browser cannot run stays refused; anything else is tried again.
			if (!(e instanceof BackdropsUnavailableError)) loading = undefined;
			throw e;
		}
	);
	return loading;
}

/** What warming up has left to do: a made-up frame and mask, and the rounds to go. */
let warming: { rounds: number; round: () => void } | undefined;

/**
 * Runs a still's backdrop work on a made-up frame (a grey gradient with a disc for a person,
 * 640x360), a round at a time, four rounds once per thread: the model's first inferences and the
 * blend's first passes run as unoptimised code, and the first shots after a load paid for it
 * (90-170 ms against 55-85 for the next ones here). About 25 ms a round. True while rounds are
 * left: the caller runs the next when the thread is free, and stops once a still comes (its own
 * work warms the code up as well).
 */
export function warmBackdrops(): boolean {
	if (!segmenter) return false;
	warming ??= warmUp(segmenter);
	if (warming.rounds <= 0) return false;
	warming.rounds--;
	warming.round();
	return warming.rounds > 0;
}

function warmUp(s: Segmenter): { rounds: number; round: () => void } {
	const W = 640;
	const H = 360;
	const data = new Uint8Array((W * H * 3) / 2).fill(128);
	for (let i = 0; i < W * H; i++) data[i] = 32 + ((i % W) * 160) / W;
	const src = {
		planes: { format: 'I420' as const, width: W, height: H, data, offsets: [0, W * H, (W * H * 5) / 4], ...yuvToRgb({ matrix: 'smpte170m', fullRange: false })! },
		mirror: true,
		from: { x: 0, y: 0, width: W, height: H }
	};
	const { width, height } = s.size;
	const mask = new ImageData(width, height);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) mask.data[(y * width + x) * 4 + 3] = Math.hypot(x - width / 2, y - height / 2) < width / 4 ? 255 : 0;
	const picture = new ImageData(W, H);
	const kinds = ['pink', 'blur'].map((id) => backdropInfo(id)).filter((info) => !!info);
	return {
		rounds: 4,
		round: () => {
			s.run(squeezePlanes(src, width, height));
			for (const info of kinds) compositePlanes(picture, src, mask, info);
		}
	};
}

/** Says why a picture is kept without its backdrop. */
function refused(why: string): false {
	console.warn(why);
	return false;
}

registerBackdrop((picture, ref, src) => {
	const info = backdropInfo(ref.id);
	if (!info || info.kind === 'none') return false;
	if (!segmenter) return refused('The backdrop model is not loaded here; the picture is saved without a backdrop.');
	const image = ref.photo ? backdropImage(ref.photo) : undefined;
	if (info.kind === 'photo' && !image) return refused('The backdrop photo could not be read; the picture is saved without it.');
	// Segmented and mixed from the same pixels (the model's input read from the planes, where the
	// picture is still to be made from them).
	const { width, height } = segmenter.size;
	const mask = src ? segmenter.run(squeezePlanes(src, width, height)) : segmenter.maskOfPixels(picture);
	if (src) compositePlanes(picture, src, mask, info, image);
	else compositePixels(picture, mask, info, image);
	return true;
});
