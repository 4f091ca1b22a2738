import { fileURLToPath } from 'node:url';

/** A small video file the file-backed fake camera plays (made by global setup, not committed). */
export const FAKE_VIDEO_FILE = fileURLToPath(new URL('../.cache/camera-640x360-grey.y4m', import.meta.url));
export const FAKE_VIDEO_SIZE = { width: 640, height: 360 } as const;
