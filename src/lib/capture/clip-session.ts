/**
 * GIF and Boomerang: one press (after the countdown) records a short run of camera frames and
 * makes a moving picture of them, drawn as the photo would be (shape, mirror, effect). The frames
 * go to a clip worker as they are taken (clips/), so the page stays free for the preview and no
 * frame is held at camera size. Esc while recording stops it: a GIF keeps the frames taken so far
 * (two or more), a boomerang too short to swing is dropped. Loaded with the first such press.
 */
import { BACKDROP_WAIT_MS } from '$lib/backdrops/wait';
import { ClipMaker } from '$lib/clips/client';
import type { ClipKind, ClipSpec } from '$lib/clips/protocol';
import { CameraStoppedError, sampleFrames } from '$lib/clips/sampler';
import { fitWithin, type Size } from '$lib/pixels/geometry';
import { recipeSize } from '$lib/pixels/recipe-data';
import { isAbort } from '$lib/abort';
import type { BoothSettings } from '$lib/settings/schema';
import { CannotRecordError, CaptureFailedError } from './errors';
import type { ModeContext } from './modes/types';
import { photoRecipe } from './recipes';
import { overlayBitmap } from './clip-overlay';

/** A GIF's long side, px: sharp on a phone, and a few hundred KB a second. */
export const GIF_LONG_SIDE = 480;
/** A boomerang video's long side, px. */
export const BOOMERANG_LONG_SIDE = 720;
/** A boomerang: about 1.5 s of frames at this rate, played forward then back. */
export const BOOMERANG_FPS = 15;
export const BOOMERANG_FRAMES = 22;
/** The shortest clip social apps take, s: a boomerang loops within its file until it lasts this. */
export const BOOMERANG_MIN_SECONDS = 3;

/** Even sides (H.264 wants them), at most `long` on the long side. */
function clipSize(kept: Size, long: number): Size {
	const s = fitWithin(kept.width, kept.height, long);
	return { width: Math.max(2, s.width & ~1), height: Math.max(2, s.height & ~1) };
}

/** What the clip worker is asked to make, from the settings at the press. */
export function clipSpec(kind: ClipKind, values: Readonly<BoothSettings>, facesUser: boolean, frame: Size): ClipSpec {
	const recipe = photoRecipe(values, facesUser, frame);
	const kept = recipeSize(frame, recipe);
	if (kind === 'gif') {
		return { kind, frame, recipe, size: clipSize(kept, GIF_LONG_SIDE), delay: values.gifDuration / values.gifFrames, fps: 0, minSeconds: 0 };
	}
	return {
		kind,
		frame,
		recipe,
		size: clipSize(kept, BOOMERANG_LONG_SIDE),
		delay: 1000 / BOOMERANG_FPS,
		fps: BOOMERANG_FPS,
		minSeconds: BOOMERANG_MIN_SECONDS,
		...(values.boomerangGif ? { gifSize: clipSize(kept, GIF_LONG_SIDE) } : {})
	};
}

const LABELS: Record<ClipKind, string> = { gif: 'GIF', boomerang: 'Boomerang' };

export async function runClip(ctx: ModeContext, kind: ClipKind): Promise<void> {
	const video = ctx.camera.video;
	const track = ctx.camera.track;
	if (!video || !track || ctx.camera.status !== 'live') throw new CaptureFailedError();
	// Said before the countdown, not after the frames are taken and cannot be made into anything.
	if (kind === 'boomerang' && typeof VideoEncoder !== 'function') throw new CannotRecordError('boomerang');
	const values = ctx.settings;
	const frame = { width: video.videoWidth, height: video.videoHeight };
	const overlay = await overlayBitmap(values.overlay);
	const spec = clipSpec(kind, values, ctx.camera.facesUser, frame);
	// "Your photo" goes to the clip worker with the spec; the worker loads the model itself.
	const backdropImage = spec.recipe.backdrop
		? await import('$lib/capture/backdrop-prepare')
				.then((m) => m.backdropImageCopy(spec.recipe.backdrop))
				.catch((e: unknown) => void console.warn('The backdrop photo could not be read; the clip is made without it:', e))
		: undefined;
	// Started now, so it is up by the time the countdown ends.
	const maker = new ClipMaker({ ...spec, ...(overlay ? { overlay } : {}), ...(backdropImage ? { backdropImage } : {}) });
	const count = kind === 'gif' ? values.gifFrames : BOOMERANG_FRAMES;
	const interval = kind === 'gif' ? values.gifDuration / values.gifFrames : 1000 / BOOMERANG_FPS;
	const takenAt = Date.now();
	let stopped: unknown;
	try {
		await ctx.countdown();
		// The first clip with a backdrop may outrun its model's load (with no countdown): the
		// frames are taken once the worker can draw them, within a bound.
		if (spec.recipe.backdrop) {
			ctx.recording({ label: LABELS[kind], done: 0 });
			await Promise.race([
				maker.ready,
				new Promise((r) => setTimeout(r, BACKDROP_WAIT_MS)),
				new Promise((r) => ctx.signal.addEventListener('abort', r, { once: true }))
			]);
			ctx.signal.throwIfAborted();
		}
		ctx.pulse();
		ctx.recording({ label: LABELS[kind], done: 0 });
		await sampleFrames(video, {
			count,
			interval,
			signal: ctx.signal,
			onFrame: async (f, i) => {
				maker.add(f);
				ctx.recording({ label: LABELS[kind], done: (i + 1) / count });
				// A worker that falls behind slows the frames down rather than holding the camera's.
				await maker.caughtUp(2);
			}
		});
	} catch (e) {
		if (!isAbort(e)) {
			maker.abandon();
			if (e instanceof CameraStoppedError) throw new CaptureFailedError({ cause: e });
			throw e;
		}
		stopped = e;
	}
	ctx.recording(null);
	const enough = kind === 'gif' ? maker.sent >= 2 : maker.sent >= 4;
	if (!enough) {
		maker.abandon();
		if (stopped) throw stopped;
		throw new CaptureFailedError();
	}
	const made = maker.finish();
	const save = (file: number, at: number) =>
		made.then(({ files, poster }) => {
			const clip = files[file];
			if (!clip) throw new CaptureFailedError();
			return ctx.saver.saveClip(clip, { takenAt: at, camera: track.label, poster });
		});
	ctx.keep(save(0, takenAt));
	// A boomerang's GIF, when asked for: its own item, just after the clip in the gallery.
	if (kind === 'boomerang' && values.boomerangGif) ctx.keep(save(1, takenAt + 1));
	if (stopped) throw stopped;
}
