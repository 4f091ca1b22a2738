/**
 * What taking a still needs once the shutter is pressed (frame uniqueness, drawing and
 * encoding, the encode worker), in one chunk loaded when the camera goes live: the first frame
 * on screen does not wait for it, and it is in place long before the first press.
 */
export { FrameGate } from './frames';
export { sourceFrame, waitForLiveFrame } from './still-sources';
export { renderStill } from '$lib/pixels/render-still';
export { stillComing, warmEncoder } from '$lib/pixels/encode-client';
