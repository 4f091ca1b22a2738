/**
 * Backdrops for saved pictures: registers the backdrop renderer with the frame recipes
 * (pixels/recipe.ts), so a still, a clip's frame or a video's frame drawn by a recipe that names a
 * backdrop gets it, at its own full size: the picture is segmented as it was drawn (cut and
 * mirrored), and the person composited over the backdrop. Loaded by the encode and clip workers
 * (and by the page, for what the page draws itself) the first time a recipe names a backdrop.
 */
import { registerBackdrop } from '$lib/pixels/recipe';
import { backdropInfo } from '$lib/backdrops/list';
import { compositePixels } from './composite';
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

registerBackdrop((picture, ref) => {
	const info = backdropInfo(ref.id);
	if (!info || info.kind === 'none') return;
	if (!segmenter) return console.warn('The backdrop model is not loaded here; the picture is saved without a backdrop.');
	const image = ref.photo ? backdropImage(ref.photo) : undefined;
	if (info.kind === 'photo' && !image) return console.warn('The backdrop photo could not be read; the picture is saved without it.');
	// Segmented and mixed from the same pixels.
	compositePixels(picture, segmenter.maskOfPixels(picture), info, image);
});
