import { fileURLToPath } from 'node:url';

/** A small video file the file-backed fake camera plays (made by global setup, not committed). */
export const FAKE_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-640x360-grey.y4m', import.meta.url));
export const FAKE_VIDEO_SIZE = { width: 640, height: 360 } as const;

/**
 * The still camera's picture (effect-pixels.ts: four coloured quarters and a checkerboard) as a
 * camera sends it, I420 frames (BT.601, limited range), for a fake camera that plays it.
 */
export const STILL_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-1280x720-still.y4m', import.meta.url));
