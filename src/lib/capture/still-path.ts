/**
 * What taking a still needs once the shutter is pressed (frame uniqueness, drawing and
 * encoding, the encode worker), in one chunk loaded when the camera goes live: the first frame
 * on screen does not wait for it, and it is in place long before the first press.
 */
export { FrameGate } from './frames';
export { sourceFrame, waitForLiveFrame } from './still-sources';
export { renderStill } from '$lib/pixels/render-still';
export { stillComing, warmEncoder } from '$lib/pixels/encode-client';

import type { BackdropRef } from '$lib/pixels/recipe-data';
import { BACKDROP_WAIT_MS } from '$lib/backdrops/wait';
import { BackdropPhotoMissingError, backdropPrepared, prepareBackdrop } from './backdrop-prepare';

/**
 * Gets a shot's backdrop ready: at once where it is since the last shot (the usual case: no task
 * waited for). A backdrop's model is loaded when it is chosen; the first shot after a reload waits
 * for it, a few seconds at most (then the still waits in the worker instead). False where "Your
 * photo" is gone from the gallery: the shot is kept without it.
 */
export async function backdropForShot(ref: BackdropRef): Promise<boolean> {
	if (backdropPrepared(ref)) return true;
	try {
		await Promise.race([prepareBackdrop(ref), new Promise((r) => setTimeout(r, BACKDROP_WAIT_MS))]);
		return true;
	} catch (e) {
		console.warn('The backdrop is not ready; the photo may be saved without it:', e);
		return !(e instanceof BackdropPhotoMissingError);
	}
}
