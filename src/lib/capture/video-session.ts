/**
 * Video: one press (after the countdown) records a clip until Stop recording (or Esc), or the
 * time limit in settings (30 s at most). Every frame is drawn as the photo would be (shape,
 * mirror, effect; clips/recorder.ts). Sound only when the person turned it on: the microphone is
 * asked for then, and a refusal records without sound and says how to allow it. Storage running
 * out stops the recording in time to keep what was recorded, and says so. Loaded with the first
 * video.
 */
import { ClipRecorder, NoRecorderError, recordingType } from '$lib/clips/recorder';
import { fitWithin, type Size } from '$lib/pixels/geometry';
import { recipeSize } from '$lib/pixels/recipe-data';
import { isAbort, sleep } from '$lib/abort';
import { formatDuration } from '$lib/format';
import { toasts } from '$lib/toasts.svelte';
import { CannotRecordError, CaptureFailedError } from './errors';
import type { ModeContext } from './modes/types';
import { photoRecipe } from './recipes';
import { overlayBitmap } from './clip-overlay';

/** A video's long side, px: 720p, sharp on a phone and about 4 Mbit/s. */
export const VIDEO_LONG_SIDE = 720;
/** Room kept free when storage is nearly full, bytes: enough to store what was recorded. */
const STORAGE_MARGIN = 24 * 1024 * 1024;

function evenSize(kept: Size, long: number): Size {
	const s = fitWithin(kept.width, kept.height, long);
	return { width: Math.max(2, s.width & ~1), height: Math.max(2, s.height & ~1) };
}

/** Words for a microphone that could not be had, with what to do about it. */
export function microphoneProblem(e: unknown): string {
	const name = e instanceof DOMException ? e.name : '';
	if (name === 'NotAllowedError' || name === 'SecurityError') {
		return 'The microphone is not allowed, so this video has no sound. To record sound, allow the microphone for this site in the browser’s settings (the icon beside the address), or turn Sound off.';
	}
	if (name === 'NotFoundError' || name === 'OverconstrainedError') {
		return 'No microphone was found, so this video has no sound. Plug one in, or turn Sound off.';
	}
	return 'The microphone could not be started (another app may be using it), so this video has no sound.';
}

/** The microphone's track, or undefined (and the person told why) where it cannot be had. */
async function microphone(): Promise<MediaStreamTrack | undefined> {
	try {
		const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
		return stream.getAudioTracks()[0];
	} catch (e) {
		toasts.error(microphoneProblem(e));
		return undefined;
	}
}

/**
 * Asks for the microphone when Sound is turned on, so the browser's question comes then rather
 * than in the middle of a countdown. False (and the person told why) where it is refused.
 */
export async function askForMicrophone(): Promise<boolean> {
	const track = await microphone();
	track?.stop();
	return !!track;
}

/** Bytes that can still be stored, where the browser says. */
async function roomLeft(): Promise<number> {
	try {
		const { quota, usage } = await navigator.storage.estimate();
		return quota === undefined || usage === undefined ? Infinity : quota - usage;
	} catch {
		return Infinity;
	}
}

export async function runVideo(ctx: ModeContext): Promise<void> {
	const video = ctx.camera.video;
	const track = ctx.camera.track;
	if (!video || !track || ctx.camera.status !== 'live') throw new CaptureFailedError();
	if (!recordingType(false)) throw new CannotRecordError('video');
	const values = ctx.settings;
	const frame = { width: video.videoWidth, height: video.videoHeight };
	const recipe = photoRecipe(values, ctx.camera.facesUser, frame);
	const size = evenSize(recipeSize(frame, recipe), VIDEO_LONG_SIDE);
	// Effects draw through the same code as photos (registered when this loads).
	if (recipe.effect) await import('$lib/pixels/effects/stills');
	// So do backdrops: the page draws a video's frames, so the model loads here.
	if (recipe.backdrop) {
		const ref = recipe.backdrop;
		await import('$lib/capture/backdrop-prepare')
			.then((m) => m.prepareBackdrop(ref, { page: true }))
			.catch((e: unknown) => console.warn('The backdrop is not ready; the video is recorded without it:', e));
	}
	const overlay = await overlayBitmap(values.overlay);
	try {
		await ctx.countdown();
	} catch (e) {
		overlay?.close();
		throw e;
	}
	const audio = values.videoSound ? await microphone() : undefined;
	let recorder: ClipRecorder;
	try {
		recorder = new ClipRecorder(video, { frame, recipe, size, ...(overlay ? { overlay } : {}) }, audio);
	} catch (e) {
		audio?.stop();
		overlay?.close();
		if (e instanceof NoRecorderError) throw new CannotRecordError('video', { cause: e });
		throw e;
	}
	const room = await roomLeft();
	// Checked against the most it may have recorded, not what has come: an encoder may hold a
	// still scene's bytes back until it stops.
	const nearlyFull = () => recorder.bytesAtMost + STORAGE_MARGIN > room;
	const takenAt = Date.now();
	const limit = values.videoLimit;
	ctx.pulse();
	recorder.start(limit);
	let stopped: unknown;
	let full = false;
	try {
		for (;;) {
			const elapsed = recorder.elapsed;
			ctx.recording({ label: 'Video', done: Math.min(1, elapsed / limit), elapsed, limit });
			if (recorder.ended || (full = nearlyFull())) break;
			await sleep(Math.max(10, Math.min(250, limit - elapsed)), ctx.signal);
		}
	} catch (e) {
		if (!isAbort(e)) {
			recorder.abandon();
			throw e;
		}
		// Stop recording (or Esc): the clip so far is kept.
		stopped = e;
	}
	ctx.recording(null);
	const clip = recorder.stop().then((recorded) => {
		if (full) toasts.error(`Storage is nearly full: the video stopped at ${formatDuration(recorded.duration)} and what was recorded is kept.`);
		return ctx.saver.saveClip(
			{ blob: recorded.blob, kind: 'video', ...size, duration: recorded.duration, sound: !!audio },
			{ takenAt, camera: track.label, poster: recorded.poster }
		);
	});
	ctx.keep(clip);
	if (stopped) throw stopped;
}
