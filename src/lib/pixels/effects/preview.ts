/**
 * The live effect over the camera's video: each new camera frame is drawn through the chosen
 * effect onto a canvas laid exactly over the video (same box, crop and mirror), at about the
 * size it is shown. The same shader and placement as the saved photo, so the preview is the
 * photo. Also the picker's live tiles. Loaded when an effect is first chosen or remembered.
 */
import { effectInfo, markEffectsUnavailable } from '$lib/effects/list';
import type { BackdropRef, Crop } from '../recipe-data';
import { LiveBackdrop } from '$lib/pixels/backdrops/live';
import { previewHolds } from '$lib/pixels/encode-client';
import { EffectGL, framePlacement, type Placement, type PlanarFrame } from './gl';
import { copyPlanes } from './planes';
import { plainFrame } from './preview-plain';
// A still the page draws itself (no worker) gets its effect here too.
import './stills';

/** What the photo is: its effect, crop and mirror (the saved photo's recipe). */
export interface EffectView {
	id: string;
	crop?: Crop;
	mirror: boolean;
	/** Drawn only while shown (not under the picker, which draws its own). */
	active?: boolean;
	/** The person over this backdrop (segmented live); none when absent. */
	backdrop?: BackdropRef;
	/** The page shows the canvas mirrored (the preview's mirror): the backdrop is drawn to read right. */
	shownMirrored?: boolean;
}

/**
 * The widths a preview draws at. It starts at 640 and moves down when camera frames are missed
 * (the previous one was still being drawn) and up when none are, never past what the screen
 * shows. With software WebGL (no GPU) here a 640 px frame takes about 30 ms in all and a
 * 960 px one over 100; a GPU takes the largest.
 */
const WIDTHS = [320, 480, 640, 960, 1280];
const START = 2;

/** Frames missed over a window of frames: below keeps the size, above steps down. */
function adaptiveWidth(): { width: number; presented(missed: number): void } {
	let level = START;
	let frames = 0;
	let missed = 0;
	return {
		get width() {
			return WIDTHS[level];
		},
		presented(lost) {
			frames++;
			missed += lost;
			if (frames < 30) return;
			if (missed > 3 && level > 0) level--;
			else if (missed === 0 && level < WIDTHS.length - 1) level++;
			frames = 0;
			missed = 0;
		}
	};
}

/**
 * A camera frame goes into WebGL through a 2D canvas at the size it is drawn. Uploading the
 * <video> itself makes the browser convert the whole camera frame: 150-400 ms a 1080p frame
 * with software WebGL here, where drawing it into a 480 px canvas and uploading that took 7-16.
 */
function stager(readBack = false): (video: HTMLVideoElement, width: number, height: number) => HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	// For a backdrop, in memory (its pixels are read back every frame to be mixed).
	const ctx = canvas.getContext('2d', readBack ? { willReadFrequently: true } : { alpha: false });
	return (video, width, height) => {
		if (canvas.width !== width) canvas.width = width;
		if (canvas.height !== height) canvas.height = height;
		ctx?.drawImage(video, 0, 0, width, height);
		return canvas;
	};
}

/**
 * The <video>'s frame as its YUV planes (planes.ts), where the browser gives them: a copy and an
 * upload of a few ms, where WebGL's own conversion of a video takes 150-400 here. Undefined
 * where it cannot (then always: no VideoFrame, or frames that are not YUV in memory).
 */
function planeReader(): (video: HTMLVideoElement) => Promise<PlanarFrame | null> | undefined {
	let works = typeof VideoFrame === 'function';
	return (video) => {
		if (!works) return undefined;
		let frame: VideoFrame;
		try {
			frame = new VideoFrame(video);
		} catch {
			return undefined;
		}
		return copyPlanes(frame).then((p) => {
			frame.close();
			if (!p) works = false;
			return p;
		});
	};
}

function frameOf(video: HTMLVideoElement) {
	return { width: video.videoWidth, height: video.videoHeight };
}

/**
 * Calls `draw` on every new camera frame until stopped, with how many frames the video showed
 * since the last call that were never drawn (0 where the browser cannot tell).
 */
function onFrames(video: HTMLVideoElement, draw: (missed: number) => void): () => void {
	let stopped = false;
	let handle = 0;
	let seen: number | undefined;
	const rvfc = 'requestVideoFrameCallback' in video;
	const tick = (_now?: number, meta?: VideoFrameCallbackMetadata) => {
		if (stopped) return;
		const presented = meta?.presentedFrames;
		const missed = presented !== undefined && seen !== undefined ? Math.max(0, presented - seen - 1) : 0;
		seen = presented;
		draw(missed);
		handle = rvfc ? video.requestVideoFrameCallback(tick) : requestAnimationFrame(() => tick());
	};
	tick();
	return () => {
		stopped = true;
		if (rvfc) video.cancelVideoFrameCallback(handle);
		else cancelAnimationFrame(handle);
	};
}

export interface RunningPreview {
	stop(): void;
	/** Whether the context is lost just now (the browser gives it back, and the preview resumes). */
	readonly lost: boolean;
	/** For tests of recovery: loses the context on purpose (null: drawn without WebGL). */
	readonly debug: EffectGL | null;
}

/** The crop's part of a picture of size `out`, in its pixels. */
function cropArea(out: { width: number; height: number }, crop: Crop | undefined) {
	const c = crop ?? { x: 0, y: 0, width: 1, height: 1 };
	return { x: c.x * out.width, y: c.y * out.height, width: c.width * out.width, height: c.height * out.height };
}

/**
 * Starts drawing `video` through the effect `view()` names, and over the backdrop it names, onto
 * `canvas`. Null where WebGL is missing and no backdrop is asked for: effects are then marked
 * unavailable and the booth shoots without them. `onBackdropError` hears why a backdrop cannot
 * be shown (the model would not load).
 */
export function startPreview(
	canvas: HTMLCanvasElement,
	video: HTMLVideoElement,
	view: () => EffectView,
	onBackdropError: (message: string) => void = () => {},
	options: { plain?: boolean } = {}
): RunningPreview | null {
	// Kept drawn between frames, so a screenshot or a pixel check reads what is on screen.
	const gl = options.plain ? null : EffectGL.create(canvas, { preserve: true });
	if (!gl && !options.plain) markEffectsUnavailable();
	if (!gl && !view().backdrop) return null;
	const plain = gl ? null : plainFrame(canvas);
	const stage = stager();
	const size = adaptiveWidth();
	const planes = planeReader();
	let live: LiveBackdrop | undefined;
	const backdropStage = stager(true);
	let busy = false;
	// The canvas's size on screen, kept by a ResizeObserver (not read from layout every frame).
	let shown = canvas.getBoundingClientRect();
	const sizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (shown = canvas.getBoundingClientRect())) : null;
	sizes?.observe(canvas);
	const stop = onFrames(video, (missed) => {
		if (busy) return;
		const frame = frameOf(video);
		if (!frame.width || !frame.height) return;
		const v = view();
		if (v.active === false) return;
		size.presented(missed);
		const crop = v.crop ?? { x: 0, y: 0, width: 1, height: 1 };
		// The frame is shown cut to the crop: enough pixels for the crop to fill its box.
		const dpr = globalThis.devicePixelRatio || 1;
		const scale = Math.min(
			1,
			size.width / frame.width,
			Math.max((shown.width * dpr) / (frame.width * crop.width), (shown.height * dpr) / (frame.height * crop.height)) || 1
		);
		const out = { width: Math.max(1, Math.round(frame.width * scale)), height: Math.max(1, Math.round(frame.height * scale)) };
		const id = effectInfo(v.id) ? v.id : 'normal';
		const placement = framePlacement(frame, v.crop, v.mirror);
		if (v.backdrop) {
			// The person over the backdrop on a 2D canvas first, then the effect over all of it.
			live ??= new LiveBackdrop(onBackdropError);
			// A shot holds the backdrop preview's last frame for a moment (see previewHolds; the
			// shutter's flash covers it): on two cores its compositing slowed the shot. Its
			// segmentation holds as long as a still is in hand (live.ts).
			if (previewHolds()) return;
			if (plain) {
				const backdrop = v.backdrop;
				const place = { area: cropArea(out, v.crop), flip: !!v.shownMirrored };
				const mark = (shows: boolean) => (canvas.dataset.backdrop = shows ? backdrop.id : 'loading');
				const fromVideo = () => {
					if (plain.video(video, out, v.mirror) && live) mark(live.apply(canvas, backdrop, place));
				};
				const read = planes(video);
				if (!read) return fromVideo();
				busy = true;
				void read.then((p) => {
					busy = false;
					if (stopped) return;
					if (!p) return fromVideo();
					let shows = false;
					plain.planes(p, out, v.mirror, (pixels) => (shows = !!live?.apply(pixels, backdrop, place)));
					mark(shows);
				});
				return;
			}
			const staged = backdropStage(video, out.width, out.height);
			// The backdrop reads as in the photo on screen: drawn mirrored where the effect's
			// drawing (the photo's mirror) or the page (the preview's) mirrors it, not both.
			const shows = live.apply(staged, v.backdrop, { area: cropArea(out, v.crop), flip: v.mirror !== !!v.shownMirrored });
			canvas.dataset.backdrop = shows ? v.backdrop.id : 'loading';
			gl?.draw(staged, id, placement, out);
			return;
		}
		if (live) {
			live.stop();
			live = undefined;
			delete canvas.dataset.backdrop;
		}
		if (!gl) return;
		// Held for a shot (see previewHolds): the flash covers it.
		if (previewHolds()) return;
		const read = planes(video);
		if (!read) return void gl.draw(stage(video, out.width, out.height), id, placement, out);
		busy = true;
		void read.then((p) => {
			busy = false;
			if (!stopped) gl.draw(p ?? stage(video, out.width, out.height), id, placement, out);
		});
	});
	let stopped = false;
	return {
		stop: () => {
			stopped = true;
			sizes?.disconnect();
			live?.stop();
			stop();
		},
		get lost() {
			return gl?.lost ?? false;
		},
		debug: gl
	};
}

/** The picker's tiles are drawn this often at most: live, and the page stays free to answer. */
const TILE_MS = 250;

/**
 * The picker's live tiles: the camera frame is uploaded once, each effect is drawn into its
 * own part of one canvas, and each tile copies its part (one read back a frame, not nine).
 */
export function startTiles(
	video: HTMLVideoElement,
	tiles: () => { id: string; canvas: HTMLCanvasElement }[],
	view: () => Omit<EffectView, 'id' | 'active'>,
	onLost: (lost: boolean) => void
): (() => void) | null {
	const gl = EffectGL.create(document.createElement('canvas'));
	if (!gl) {
		markEffectsUnavailable();
		return null;
	}
	let wasLost = false;
	let last = -Infinity;
	const stage = stager();
	return onFrames(video, () => {
		if (gl.lost !== wasLost) onLost((wasLost = gl.lost));
		const now = performance.now();
		const frame = frameOf(video);
		if (now - last < TILE_MS || !frame.width || !frame.height) return;
		last = now;
		const v = view();
		const placement: Placement = framePlacement(frame, v.crop, v.mirror);
		const list = tiles();
		if (!list.length) return;
		const size = tileSize(list[0].canvas, placement.aspect);
		const atlas = { width: size.width * 3, height: size.height * Math.ceil(list.length / 3) };
		const areas = list.map((_, i) => ({ x: (i % 3) * size.width, y: Math.floor(i / 3) * size.height, ...size }));
		for (let i = 0; i < list.length; i++) {
			const source = i === 0 ? stage(video, Math.min(frame.width, 480), Math.round((Math.min(frame.width, 480) * frame.height) / frame.width)) : null;
			if (!gl.draw(source, list[i].id, placement, atlas, areas[i])) return;
		}
		// One snapshot of the drawn canvas (one read back), then each tile takes its part.
		void createImageBitmap(gl.canvas).then((snap) => {
			for (let i = 0; i < list.length; i++) {
				const { canvas } = list[i];
				if (canvas.width !== size.width) canvas.width = size.width;
				if (canvas.height !== size.height) canvas.height = size.height;
				const a = areas[i];
				canvas.getContext('2d')?.drawImage(snap, a.x, a.y, a.width, a.height, 0, 0, a.width, a.height);
			}
			snap.close();
		});
	});
}

function tileSize(canvas: HTMLCanvasElement, aspect: number): { width: number; height: number } {
	const box = canvas.getBoundingClientRect();
	const dpr = Math.min(globalThis.devicePixelRatio || 1, 2);
	const width = Math.max(16, Math.round(Math.min(box.width * dpr, 320)));
	return { width, height: Math.max(16, Math.round(width / aspect)) };
}

let supported: boolean | undefined;

/** Whether this browser can draw effects at all (WebGL in a canvas). */
export function effectsSupported(): boolean {
	if (supported === undefined) {
		const canvas = document.createElement('canvas');
		supported = !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
		if (!supported) markEffectsUnavailable();
	}
	return supported;
}
