/**
 * The app's one capture engine, shared by every route (safe as singletons because ssr is off):
 * the camera, its controls, the shutter, the saver and the booth that runs the chosen mode.
 */
import { Booth } from './booth.svelte';
import { Camera } from './camera.svelte';
import { CameraControls } from './camera-controls.svelte';
import { Saver } from './saver';
import { Shutter } from './shutter.svelte';

export const camera = new Camera();
export const controls = new CameraControls(camera);
export const shutter = new Shutter(camera, controls);
export const saver = new Saver(undefined, camera);
export const booth = new Booth(camera, shutter, saver);
