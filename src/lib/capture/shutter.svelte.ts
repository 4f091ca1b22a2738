/**
 * The shutter: takes one still from the live camera and hands it back, encoded, with its size,
 * the step that gave it and its thumbnail to come. It never saves anything: a mode decides what
 * becomes of a still (saver.ts stores photos).
 */
import { settings } from '$lib/settings/settings.svelte';
import { parsePhotoSize } from '$lib/settings/schema';
import { warmEncoder } from '$lib/pixels/encode-client';
import { recipeSize, type FrameRecipe } from '$lib/pixels/recipe';
import { renderStill, type RenderedStill } from '$lib/pixels/render-still';
import type { Camera } from './camera.svelte';
import type { CameraControls } from './camera-controls.svelte';
import { photoSettings } from './constraints';
import { isAbort } from '$lib/abort';
import { CameraError, CaptureFailedError } from './errors';
import { FrameGate } from './frames';
import { photoRecipe } from './recipes';
import { sourceFrame, takePhotoAdds, waitForLiveFrame, type StillMethod } from './still-sources';

export interface Still extends RenderedStill {
	/** Which step of the still chain gave it (takePhoto, grabFrame or the video). */
	method: StillMethod;
	/** When it was taken, ms since the epoch. */
	takenAt: number;
	/** The camera's label ('' where the browser hides it). */
	camera: string;
}

export class Shutter {
	#camera: Camera;
	#controls: CameraControls;
	/** Frame uniqueness: no two stills share a camera frame. */
	#frames = new FrameGate();
	/** A takePhoto() is running: a shot meanwhile takes the live frame instead of queueing. */
	#photoInFlight = false;
	#lastMethod = $state<StillMethod | null>(null);
	#lastEncodedIn = $state<RenderedStill['encodedIn'] | null>(null);

	constructor(camera: Camera, controls: CameraControls) {
		this.#camera = camera;
		this.#controls = controls;
		// Started with the camera so the first shot finds it up (until then stills encode on the page).
		camera.onStream((track) => void (track && warmEncoder()));
	}

	/** Which step of the still chain gave the last still. */
	get lastMethod(): StillMethod | null {
		return this.#lastMethod;
	}
	/** Where the last still was encoded (the encode worker, or the page). */
	get lastEncodedIn(): RenderedStill['encodedIn'] | null {
		return this.#lastEncodedIn;
	}

	/**
	 * Takes one still at the photo size and format in settings, drawn by `recipe` (by default
	 * the saved photo's mirror, crop and effect, see recipes.ts). Rejects with a CameraError a
	 * person can act on, or with AbortError once `signal` aborts.
	 */
	async take(signal?: AbortSignal, recipe?: FrameRecipe): Promise<Still> {
		const track = this.#camera.track;
		const video = this.#camera.video;
		if (this.#camera.status !== 'live' || !track || !video) throw new CaptureFailedError();
		const takenAt = Date.now();
		const values = settings.values;
		const size = parsePhotoSize(values.photoSize);
		const wanted = { ...photoSettings(this.#controls.photoCapabilities, size), ...this.#controls.photoSettings() };
		const useTakePhoto = !this.#photoInFlight && takePhotoAdds(wanted, video.videoWidth, video.videoHeight);
		this.#frames.attach(video);
		if (useTakePhoto) this.#photoInFlight = true;
		try {
			await waitForLiveFrame(track, video, undefined, signal);
			let frame;
			try {
				frame = await sourceFrame({ track, video, photoSettings: wanted, useTakePhoto, frames: this.#frames, signal });
			} finally {
				if (useTakePhoto) this.#photoInFlight = false;
			}
			const drawn = recipe ?? photoRecipe(values, this.#camera.facesUser, frame);
			// Cameras may ignore the size in takePhoto() (Chromium's fake camera does): a larger
			// frame is scaled down to it here; a smaller one is never enlarged.
			const rendered = await renderStill(
				frame,
				{ size: recipeSize(frame, drawn, size), recipe: drawn, type: values.format, quality: values.quality },
				signal
			);
			this.#lastMethod = frame.method;
			this.#lastEncodedIn = rendered.encodedIn;
			return { ...rendered, method: frame.method, takenAt, camera: track.label };
		} catch (e) {
			if (useTakePhoto) this.#photoInFlight = false;
			if (isAbort(e) || e instanceof CameraError) throw e;
			throw new CaptureFailedError({ cause: e });
		}
	}
}
