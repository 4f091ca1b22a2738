/**
 * The shutter: takes one still from the live camera and hands it back, encoded, with its size,
 * the step that gave it and its thumbnail to come. It never saves anything: a mode decides what
 * becomes of a still (saver.ts stores photos).
 */
import { settings } from '$lib/settings/settings.svelte';
import { parsePhotoSize } from '$lib/settings/schema';
import { recipeSize, type FrameRecipe } from '$lib/pixels/recipe-data';
import type { RenderedStill } from '$lib/pixels/render-still';
import { isAbort } from '$lib/abort';
import type { Camera } from './camera.svelte';
import type { CameraControls } from './camera-controls.svelte';
import { photoSettings, takePhotoAdds } from './constraints';
import { CameraError, CaptureFailedError } from './errors';
import type { FrameGate } from './frames';
import { photoRecipe } from './recipes';
import type { StillMethod } from './still-sources';

type StillPath = typeof import('./still-path');


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
	/** Frame uniqueness: no two stills share a camera frame (made with the still path). */
	#frames: FrameGate | undefined;
	#path: Promise<StillPath> | undefined;
	/** A takePhoto() is running: a shot meanwhile takes the live frame instead of queueing. */
	#photoInFlight = false;
	#lastMethod = $state<StillMethod | null>(null);
	#lastEncodedIn = $state<RenderedStill['encodedIn'] | null>(null);

	constructor(camera: Camera, controls: CameraControls) {
		this.#camera = camera;
		this.#controls = controls;
		// Loaded with the camera, and the encode worker started, so the first shot finds both up
		// (a press that beats them waits for the code; until the worker answers, the page encodes).
		camera.onStream((track) => void (track && this.#load().then((p) => p.warmEncoder())));
	}

	/**
	 * Counts the shot as in hand until `saved` settles (the photo stored; 3 s at most): the live
	 * backdrop's segmentation holds off meanwhile (resumed the moment the still was encoded, it
	 * slowed the save on two cores), and the preview's drawing for its first 400 ms (previewHolds).
	 */
	holdPreview(saved: Promise<unknown>): void {
		void this.#load()
			.then((p) => saved.finally(p.stillComing()))
			.catch(() => {});
	}

	#load(): Promise<StillPath> {
		this.#path ??= import('./still-path').catch((e) => {
			this.#path = undefined;
			throw e;
		});
		return this.#path;
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
		if (useTakePhoto) this.#photoInFlight = true;
		let sent: (() => void) | undefined;
		try {
			const { FrameGate, backdropForShot, renderStill, sourceFrame, stillComing, waitForLiveFrame } = await this.#load();
			// The live backdrop holds off from now: on two cores its segmentation would slow this shot.
			sent = stillComing();
			const backdrop = recipe ? recipe.backdrop : photoRecipe(values, this.#camera.facesUser, { width: 1, height: 1 }).backdrop;
			const withoutBackdrop = !!backdrop && !(await backdropForShot(backdrop));
			signal?.throwIfAborted();
			const frames = (this.#frames ??= new FrameGate());
			frames.attach(video);
			await waitForLiveFrame(track, video, undefined, signal);
			let frame;
			try {
				frame = await sourceFrame({ track, video, photoSettings: wanted, useTakePhoto, frames, signal });
			} finally {
				if (useTakePhoto) this.#photoInFlight = false;
			}
			const recipeNow = recipe ?? photoRecipe(values, this.#camera.facesUser, frame);
			const drawn = withoutBackdrop ? { ...recipeNow, backdrop: undefined } : recipeNow;
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
		} finally {
			sent?.();
		}
	}
}
