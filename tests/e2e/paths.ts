import { fileURLToPath } from 'node:url';

/** A small video file the file-backed fake camera plays (made by global setup, not committed). */
export const FAKE_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-640x360-grey.y4m', import.meta.url));
export const FAKE_VIDEO_SIZE = { width: 640, height: 360 } as const;

/**
 * The still camera's picture (effect-pixels.ts: four coloured quarters and a checkerboard) as a
 * camera sends it, I420 frames (BT.601, limited range), for a fake camera that plays it.
 */
export const STILL_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-1280x720-still.y4m', import.meta.url));

/**
 * A person on a wall (global-setup.ts draws it): head and shoulders, 640x480, 20 frames at 20 fps
 * with a sway of a few pixels, for the backdrop journeys (person segmentation). The face is
 * around (320, 200), the shirt fills the bottom middle, and the wall is light (#d9d4c7) and plain
 * but for a fine grid of darker lines in each corner, PERSON_TEXTURE in size, where a blurred
 * backdrop loses detail.
 */
export const PERSON_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-640x480-person.y4m', import.meta.url));
export const PERSON_VIDEO_SIZE = { width: 640, height: 480 } as const;
export const PERSON_TEXTURE = { width: 112, height: 96 } as const;
