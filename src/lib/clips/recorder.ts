/**
 * Recording a video clip as it happens, on the page: each camera frame is drawn by the photo's
 * recipe (shape, mirror, effect) onto a canvas at the clip's size, and the browser's own
 * MediaRecorder encodes that canvas's stream (with the microphone's track, when sound is on) in
 * its own threads, handing back a chunk a second. Nothing is held but the encoded chunks, which
 * the browser keeps out of the page's heap; the frames are never kept.
 */
import { context2d } from '$lib/pixels/canvas';
import { drawRecipe } from '$lib/pixels/recipe';
import type { FrameRecipe } from '$lib/pixels/recipe-data';
import type { Size } from '$lib/pixels/geometry';
import { thumbnailOf, type EncodedThumbnail } from '$lib/pixels/thumbnail';

/** MP4 (H.264) first, where this browser records it, else WebM. */
const TYPES = {
	silent: ['video/mp4;codecs=avc1', 'video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'],
	sound: ['video/mp4;codecs=avc1,opus', 'video/mp4;codecs=avc1,mp4a.40.2', 'video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm']
};

/** The bitrate asked for, bits a second: about 30 MB for the longest clip. */
export const VIDEO_BITRATE = 4_000_000;

/** The recording type for this browser, or undefined where it cannot record. */
export function recordingType(sound: boolean): string | undefined {
	if (typeof MediaRecorder !== 'function') return undefined;
	return TYPES[sound ? 'sound' : 'silent'].find((t) => MediaRecorder.isTypeSupported(t));
}

export class NoRecorderError extends Error {
	constructor() {
		super('This browser cannot record video.');
		this.name = 'NoRecorderError';
	}
}

type FrameCallbackVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number; cancelVideoFrameCallback?: (h: number) => void };

export interface Recorded {
	blob: Blob;
	/** Ms recorded. */
	duration: number;
	poster?: EncodedThumbnail;
}

export class ClipRecorder {
	readonly canvas: HTMLCanvasElement;
	#video: FrameCallbackVideo;
	#ctx: CanvasRenderingContext2D;
	#recorder: MediaRecorder;
	#chunks: Blob[] = [];
	#bytes = 0;
	#started = 0;
	#ended = 0;
	#limitTimer: ReturnType<typeof setTimeout> | undefined;
	#handle: number | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#poster: Promise<EncodedThumbnail | undefined> | undefined;
	#stopped: Promise<void>;
	#type: string;
	#audio = false;
	/** Called with the bytes handed over so far, as they come (about once a second). */
	ondata: ((bytes: number) => void) | undefined;

	constructor(
		video: HTMLVideoElement,
		private spec: { frame: Size; recipe: FrameRecipe; size: Size; overlay?: ImageBitmap },
		audio?: MediaStreamTrack
	) {
		const type = recordingType(!!audio);
		if (!type) throw new NoRecorderError();
		this.#type = type;
		this.#video = video;
		this.canvas = document.createElement('canvas');
		this.canvas.width = spec.size.width;
		this.canvas.height = spec.size.height;
		this.#ctx = context2d(this.canvas) as CanvasRenderingContext2D;
		this.#draw();
		const stream = this.canvas.captureStream(30);
		if (audio) stream.addTrack(audio);
		this.#audio = !!audio;
		// A key frame each second: Chromium's MP4 writer hands over a fragment per key frame, and a
		// still scene otherwise gets one only at the start, so nothing came until the end.
		const options: MediaRecorderOptions & { videoKeyFrameIntervalDuration?: number } = {
			mimeType: type,
			videoBitsPerSecond: VIDEO_BITRATE,
			videoKeyFrameIntervalDuration: 1000
		};
		this.#recorder = new MediaRecorder(stream, options);
		this.#recorder.ondataavailable = (e) => {
			if (!e.data.size) return;
			this.#chunks.push(e.data);
			this.#bytes += e.data.size;
			this.ondata?.(this.#bytes);
		};
		this.#stopped = new Promise((resolve) => this.#recorder.addEventListener('stop', () => resolve(), { once: true }));
	}

	/** The stored type: the container, without its codecs. */
	get type(): string {
		return this.#type.split(';')[0];
	}

	#draw = (): void => {
		const { frame, size, recipe, overlay } = this.spec;
		drawRecipe(this.#ctx, this.#video, frame, size, recipe);
		if (overlay) this.#ctx.drawImage(overlay, 0, 0, size.width, size.height);
		this.#poster ??= thumbnailOf(this.canvas).catch(() => undefined);
	};

	/** Draws every new camera frame (or 30 times a second where the browser cannot say). */
	#loop = (): void => {
		this.#draw();
		if (typeof this.#video.requestVideoFrameCallback === 'function') this.#handle = this.#video.requestVideoFrameCallback(this.#loop);
	};

	/** Starts recording; it stops by itself after `limit` ms. */
	start(limit: number): void {
		this.#started = performance.now();
		this.#recorder.start(1000);
		this.#limitTimer = setTimeout(() => this.#end(), limit);
		if (typeof this.#video.requestVideoFrameCallback === 'function') this.#loop();
		else this.#timer = setInterval(this.#draw, 1000 / 30);
	}

	/** Ms recorded so far. */
	get elapsed(): number {
		return this.#started ? (this.#ended || performance.now()) - this.#started : 0;
	}

	/**
	 * Bytes it may have recorded so far: what it handed over, or what the bitrate allows for the
	 * time recorded, whichever is more (an encoder may hold its output back for a while).
	 */
	get bytesAtMost(): number {
		return Math.max(this.#bytes, ((this.elapsed / 1000) * VIDEO_BITRATE) / 8 + (this.#audio ? (this.elapsed / 1000) * 16_000 : 0));
	}

	/** Whether it has stopped (at its limit, or asked to). */
	get ended(): boolean {
		return this.#ended > 0;
	}

	#end(): void {
		clearTimeout(this.#limitTimer);
		if (!this.#ended) this.#ended = performance.now();
		if (this.#recorder.state !== 'inactive') this.#recorder.stop();
	}

	/** Ends the recording: what was recorded, whole. */
	async stop(): Promise<Recorded> {
		this.#end();
		const duration = Math.round(this.elapsed);
		await this.#stopped;
		this.#halt();
		return { blob: new Blob(this.#chunks, { type: this.type }), duration, poster: await this.#poster };
	}

	/** Drops the recording. */
	abandon(): void {
		this.#end();
		this.#halt();
		this.#chunks = [];
	}

	#halt(): void {
		if (this.#handle !== undefined) this.#video.cancelVideoFrameCallback?.(this.#handle);
		if (this.#timer) clearInterval(this.#timer);
		for (const track of this.#recorder.stream.getTracks()) track.stop();
		this.spec.overlay?.close();
	}
}
