/**
 * The Image Capture API for a track (Chromium has it, Firefox and Safari do not): one
 * ImageCapture per track, and the camera's photo capabilities.
 */
import type { PhotoCaps, PhotoSettingsIn } from './constraints';

interface ImageCaptureLike {
	takePhoto(settings?: PhotoSettingsIn): Promise<Blob>;
	grabFrame(): Promise<ImageBitmap>;
	getPhotoCapabilities(): Promise<PhotoCaps>;
}
type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

const captures = new WeakMap<MediaStreamTrack, ImageCaptureLike>();

/** One ImageCapture per track, or undefined where the browser has none (Firefox). */
export function imageCaptureFor(track: MediaStreamTrack): ImageCaptureLike | undefined {
	const Ctor = (globalThis as unknown as { ImageCapture?: ImageCaptureCtor }).ImageCapture;
	if (!Ctor) return undefined;
	let ic = captures.get(track);
	if (!ic) {
		ic = new Ctor(track);
		captures.set(track, ic);
	}
	return ic;
}

/** The camera's photo capabilities, or undefined where it cannot say. */
export async function readPhotoCapabilities(track: MediaStreamTrack): Promise<PhotoCaps | undefined> {
	try {
		return await imageCaptureFor(track)?.getPhotoCapabilities();
	} catch {
		return undefined;
	}
}
