/**
 * Taking one still from a live track: ImageCapture.takePhoto() at full resolution, else
 * grabFrame(), else a draw of the <video>. The result is always encoded to the chosen format
 * here, so storage never sees the camera's own PNG.
 */
import { canSnapshotVideo, type FrameClaims } from './frame-claims';
import {
	canDrawInWorker,
	encodeInWorker,
	encoderReady,
	EncoderUnavailableError,
	stillInWorker,
	type EncodedThumbnail,
	type EncodeFormat
} from './encode-client';
import { photoSettings, type PhotoCaps, type PhotoFormat } from './constraints';
import { CameraLostError, CaptureFailedError } from './errors';

/** The ImageCapture surface we use; TypeScript's DOM library does not declare it. */
export interface PhotoSettingsIn {
	imageWidth?: number;
	imageHeight?: number;
	fillLightMode?: string;
	redEyeReduction?: boolean;
}

interface ImageCaptureLike {
	takePhoto(settings?: PhotoSettingsIn): Promise<Blob>;
	grabFrame(): Promise<ImageBitmap>;
	getPhotoCapabilities(): Promise<PhotoCaps>;
}
type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

function imageCaptureCtor(): ImageCaptureCtor | undefined {
	return (globalThis as unknown as { ImageCapture?: ImageCaptureCtor }).ImageCapture;
}

const captures = new WeakMap<MediaStreamTrack, ImageCaptureLike>();

/** One ImageCapture per track, or undefined where the browser has none (Firefox). */
export function imageCaptureFor(track: MediaStreamTrack): ImageCaptureLike | undefined {
	const Ctor = imageCaptureCtor();
	if (!Ctor) return undefined;
	let ic = captures.get(track);
	if (!ic) {
		ic = new Ctor(track);
		captures.set(track, ic);
	}
	return ic;
}

/** The camera's photo capabilities, or undefined where it cannot say. */
export async function readPhotoCapabilities(
	track: MediaStreamTrack
): Promise<PhotoCaps | undefined> {
	try {
		return await imageCaptureFor(track)?.getPhotoCapabilities();
	} catch {
		return undefined;
	}
}

/**
 * A pixel transform between the frame and the encoder (effects, mirroring). It draws `source`
 * onto the context at the given size; the default simply copies it.
 */
export type FrameTransform = (
	ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
	source: CanvasImageSource,
	width: number,
	height: number
) => void;

const copyFrame: FrameTransform = (ctx, source, width, height) =>
	ctx.drawImage(source, 0, 0, width, height);

export type StillMethod = 'takePhoto' | 'grabFrame' | 'video';

export interface Still {
	blob: Blob;
	width: number;
	height: number;
	type: string;
	/** Which step of the chain produced it, for diagnostics and tests. */
	method: StillMethod;
	/** Where it was encoded: the encode worker, or the page (no worker, or it failed). */
	encodedIn: 'worker' | 'page';
	/**
	 * The same picture scaled to fit `thumbnailSize` (when asked for), drawn from the pixels
	 * being encoded: a thumbnail made from it needs no decode of the photo.
	 */
	thumbnail?: OffscreenCanvas | HTMLCanvasElement;
	/** The thumbnail the encode worker is making (it drew and encoded the still). */
	encodedThumbnail?: Promise<EncodedThumbnail | undefined>;
}

export interface StillOptions {
	track: MediaStreamTrack;
	video: HTMLVideoElement;
	format: PhotoFormat;
	quality: number;
	photoCaps?: PhotoCaps;
	/** takePhoto() settings, already clamped; derived from photoCaps when not given. */
	photoSettings?: PhotoSettingsIn;
	/** false: take the live frame even where ImageCapture exists (see takePhotoAdds). */
	useTakePhoto?: boolean;
	transform?: FrameTransform;
	/**
	 * The photo size asked for. Cameras may ignore it in takePhoto() (Chromium's fake camera
	 * does), so a larger frame is scaled down to fit it here; a smaller one is never enlarged.
	 */
	maxSize?: { width: number; height: number };
	signal?: AbortSignal;
	/** How long to wait for a live, unmuted frame before giving up. */
	frameTimeoutMs?: number;
	/** Also return the picture scaled so its longer side is at most this (see Still.thumbnail). */
	thumbnailSize?: number;
	/**
	 * Shared by a session's shots: the live frame is then one no other shot has had (see
	 * FrameClaims). `wait` resolves at the next presented frame or after the given ms.
	 */
	frames?: { claims: FrameClaims; wait: (ms: number) => Promise<void> };
	/**
	 * Where the only transform is an optional mirror (no effect that must run on the page), a
	 * camera frame may be drawn in the encode worker: this says whether to mirror it there.
	 */
	workerDraw?: { mirror: boolean };
	/** Type and quality of the thumbnail (see thumbnailSize) when the worker encodes it. */
	thumbnailFormat?: EncodeFormat;
}

function frameReady(track: MediaStreamTrack, video: HTMLVideoElement): boolean {
	return (
		track.readyState === 'live' &&
		!track.muted &&
		video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA &&
		video.videoWidth > 0 &&
		video.videoHeight > 0
	);
}

/**
 * Resolves once the track is live and unmuted and the video has a decoded frame, so a still is
 * never black or empty. Rejects with CameraLostError if the track ends while waiting.
 */
export function waitForLiveFrame(
	track: MediaStreamTrack,
	video: HTMLVideoElement,
	timeoutMs = 4000,
	signal?: AbortSignal
): Promise<void> {
	if (track.readyState === 'ended') return Promise.reject(new CameraLostError());
	if (frameReady(track, video)) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const started = performance.now();
		let timer = 0;
		const done = (err?: unknown) => {
			clearTimeout(timer);
			track.removeEventListener('unmute', check);
			track.removeEventListener('ended', check);
			video.removeEventListener('loadeddata', check);
			video.removeEventListener('playing', check);
			signal?.removeEventListener('abort', check);
			if (err) reject(err);
			else resolve();
		};
		function check() {
			if (signal?.aborted) return done(signal.reason);
			if (track.readyState === 'ended') return done(new CameraLostError());
			if (frameReady(track, video)) return done();
			if (performance.now() - started > timeoutMs) return done(new CaptureFailedError());
			timer = window.setTimeout(check, 30);
		}
		track.addEventListener('unmute', check);
		track.addEventListener('ended', check);
		video.addEventListener('loadeddata', check);
		video.addEventListener('playing', check);
		signal?.addEventListener('abort', check);
		check();
	});
}

/** A function, not an inline test: TypeScript would narrow readyState across awaits. */
function hasEnded(track: MediaStreamTrack): boolean {
	return track.readyState === 'ended';
}

interface Frame {
	source: CanvasImageSource;
	width: number;
	height: number;
	method: StillMethod;
	release(): void;
}

async function bitmapFrame(bitmap: ImageBitmap, method: StillMethod): Promise<Frame> {
	if (!bitmap.width || !bitmap.height) {
		bitmap.close();
		throw new CaptureFailedError();
	}
	return {
		source: bitmap,
		width: bitmap.width,
		height: bitmap.height,
		method,
		release: () => bitmap.close()
	};
}

/**
 * Whether takePhoto() can give more than the frame on screen: more pixels than the live
 * stream, or a flash or red-eye setting. Where it cannot, the live frame is the same photo
 * without takePhoto's cost (Chromium encodes a PNG for it, which we then decode), and two
 * shots a frame apart are never the same picture.
 */
export function takePhotoAdds(settings: PhotoSettingsIn, frameWidth: number, frameHeight: number): boolean {
	if ((settings.fillLightMode && settings.fillLightMode !== 'off') || settings.redEyeReduction) return true;
	const w = settings.imageWidth ?? 0;
	const h = settings.imageHeight ?? 0;
	return w * h > frameWidth * frameHeight;
}

/**
 * The frame the <video> shows: snapshotted as a VideoFrame no other shot has had where the
 * browser can, else the <video> itself, drawn in the same task that returns it (no frame can
 * be presented in between).
 */
async function liveFrame(opts: StillOptions): Promise<Frame> {
	const { track, video } = opts;
	await waitForLiveFrame(track, video, opts.frameTimeoutMs, opts.signal);
	if (opts.frames && !opts.frames.claims.unsupported && canSnapshotVideo()) {
		const snapshot = await snapshotFrame(video, opts.frames, opts.signal);
		if (snapshot) return snapshot;
	}
	return {
		source: video,
		width: video.videoWidth,
		height: video.videoHeight,
		method: 'video',
		release: () => {}
	};
}

/**
 * The <video>'s current frame as a VideoFrame that no other shot has had: the pixels drawn are
 * the ones whose timestamp was checked. Undefined where the browser cannot snapshot this video.
 */
async function snapshotFrame(
	video: HTMLVideoElement,
	frames: NonNullable<StillOptions['frames']>,
	signal?: AbortSignal
): Promise<Frame | undefined> {
	let frame: VideoFrame;
	try {
		frame = await frames.claims.claim(() => new VideoFrame(video), {
			wait: frames.wait,
			signal,
			// Seen in the performance timeline (and by `npm run bench`): a repeated frame.
			onStall: () => performance.mark('booth:frame-stall')
		});
	} catch (e) {
		signal?.throwIfAborted();
		// A browser whose VideoFrame refuses this source: the plain draw works, from now on. Any
		// other failure (a frame gone while switching cameras) is for this shot only.
		if (e instanceof TypeError || (e instanceof DOMException && e.name === 'NotSupportedError')) {
			frames.claims.unsupported = true;
		}
		console.warn('Could not snapshot the video frame; drawing the video instead:', e);
		return undefined;
	}
	return {
		source: frame,
		width: frame.displayWidth,
		height: frame.displayHeight,
		method: 'video',
		release: () => frame.close()
	};
}

/** Walks the fallback chain and returns the first frame any step gives. */
async function grabSourceFrame(opts: StillOptions): Promise<Frame> {
	const { track } = opts;
	const ic = opts.useTakePhoto === false ? undefined : imageCaptureFor(track);
	if (ic) {
		try {
			const blob = await ic.takePhoto(opts.photoSettings ?? photoSettings(opts.photoCaps));
			return await bitmapFrame(await createImageBitmap(blob), 'takePhoto');
		} catch (e) {
			opts.signal?.throwIfAborted();
			if (hasEnded(track)) throw new CameraLostError({ cause: e });
		}
		try {
			return await bitmapFrame(await ic.grabFrame(), 'grabFrame');
		} catch (e) {
			opts.signal?.throwIfAborted();
			if (hasEnded(track)) throw new CameraLostError({ cause: e });
		}
	}
	// What every browser has, and the last resort: the frame the <video> is showing.
	return liveFrame(opts);
}

/** The frame's size scaled down (never up) to fit within `max`, keeping its shape. */
export function fitSize(width: number, height: number, max?: { width: number; height: number }) {
	if (!max) return { width, height };
	const scale = Math.min(1, max.width / width, max.height / height);
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(width: number, height: number): AnyCanvas {
	if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
	const c = document.createElement('canvas');
	c.width = width;
	c.height = height;
	return c;
}

/** The canvas's picture on a new canvas whose longer side is at most `max` (never enlarged). */
export function scaledCopy(source: CanvasImageSource, width: number, height: number, max: number): AnyCanvas {
	const { width: w, height: h } = fitSize(width, height, { width: max, height: max });
	const canvas = makeCanvas(w, h);
	const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
	if (!ctx) throw new CaptureFailedError();
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(source, 0, 0, w, h);
	return canvas;
}

/** Encodes a canvas to a Blob of the given type; browsers that lack the type give PNG. */
export async function encodeCanvas(canvas: AnyCanvas, type: string, quality: number): Promise<Blob> {
	if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new CaptureFailedError())), type, quality)
	);
}

/**
 * Encodes in the encode worker where it is running, else on the page. The worker takes the
 * canvas's pixels; if it cannot finish, `redraw` puts them back and the page encodes them.
 */
async function encode(
	canvas: AnyCanvas,
	type: string,
	quality: number,
	redraw: () => void
): Promise<{ blob: Blob; encodedIn: Still['encodedIn'] }> {
	if (canvas instanceof OffscreenCanvas && encoderReady()) {
		try {
			return { blob: await encodeInWorker(canvas, type, quality), encodedIn: 'worker' };
		} catch (e) {
			if (!(e instanceof EncoderUnavailableError)) throw e;
			console.warn('Encoding on the page instead of the worker:', e.message);
			redraw();
		}
	}
	return { blob: await encodeCanvas(canvas, type, quality), encodedIn: 'page' };
}

/**
 * A still made on the page: `paint` draws it onto a fresh canvas (run again, on a clean
 * context, if the worker takes the pixels and fails), the thumbnail is scaled from the same
 * pixels, and it is encoded in the worker where `tryWorker` and it is up, else here.
 */
async function stillOnPage(
	width: number,
	height: number,
	paint: (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => void,
	opts: StillOptions,
	method: StillMethod,
	tryWorker: boolean
): Promise<Still> {
	const canvas = makeCanvas(width, height);
	const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
	if (!ctx) throw new CaptureFailedError();
	ctx.imageSmoothingQuality = 'high';
	// Saved and restored: a transform (the mirror's flip) must not apply twice on a redraw.
	const draw = () => {
		ctx.save();
		try {
			paint(ctx);
		} finally {
			ctx.restore();
		}
	};
	draw();
	// Before the pixels go to the encoder: drawn from exactly what is encoded.
	const thumbnail = opts.thumbnailSize ? scaledCopy(canvas, width, height, opts.thumbnailSize) : undefined;
	const { blob, encodedIn } = tryWorker
		? await encode(canvas, opts.format, opts.quality, draw)
		: { blob: await encodeCanvas(canvas, opts.format, opts.quality), encodedIn: 'page' as const };
	if (!blob.size) throw new CaptureFailedError();
	return { blob, width, height, type: blob.type || opts.format, method, encodedIn, thumbnail };
}

/**
 * Takes one still: waits for a live frame, captures it at full resolution along the fallback
 * chain, runs the transform and encodes it.
 */
export async function captureStill(opts: StillOptions): Promise<Still> {
	await waitForLiveFrame(opts.track, opts.video, opts.frameTimeoutMs, opts.signal);
	const frame = await grabSourceFrame(opts);
	try {
		opts.signal?.throwIfAborted();
		const { width, height } = fitSize(frame.width, frame.height, opts.maxSize);
		const source = frame.source;
		if (opts.workerDraw && canDrawInWorker() && typeof VideoFrame === 'function' && source instanceof VideoFrame) {
			// A clone goes (it shares the frame's buffer); ours stays for the page to draw should
			// the worker fail before drawing it. Once drawn, the camera gets its buffer back at
			// once: a burst must not hold the camera's few buffers through its encodes.
			let drawn = false;
			try {
				const done = await stillInWorker(source.clone(), {
					width,
					height,
					mirror: opts.workerDraw.mirror,
					type: opts.format,
					quality: opts.quality,
					thumbnail:
						opts.thumbnailSize && opts.thumbnailFormat
							? { size: opts.thumbnailSize, ...opts.thumbnailFormat }
							: undefined
				}, () => {
					drawn = true;
					frame.release();
				});
				if (!done.blob.size) throw new CaptureFailedError();
				return {
					blob: done.blob,
					width,
					height,
					type: done.blob.type || opts.format,
					method: frame.method,
					encodedIn: 'worker',
					encodedThumbnail: done.thumbnail
				};
			} catch (e) {
				if (!(e instanceof EncoderUnavailableError)) throw e;
				if (drawn) {
					// The frame is gone; the worker sent back what it drew, unless it crashed.
					const pixels = e.pixels;
					if (!pixels) throw new CaptureFailedError({ cause: e });
					console.warn('Encoding the still on the page after the worker failed:', e.message);
					try {
						// Already drawn and transformed: copied as it is, and not sent back.
						return await stillOnPage(width, height, (ctx) => ctx.drawImage(pixels, 0, 0), opts, frame.method, false);
					} finally {
						pixels.close();
					}
				}
				console.warn('Drawing the still on the page instead of the worker:', e.message);
			}
		}
		return await stillOnPage(
			width,
			height,
			(ctx) => (opts.transform ?? copyFrame)(ctx, frame.source, width, height),
			opts,
			frame.method,
			true
		);
	} finally {
		frame.release();
	}
}
