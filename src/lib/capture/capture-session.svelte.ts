/**
 * The capture engine shared by every route: owns the camera stream, knows its status, the active
 * camera, its capabilities and controls, and takes photos. Pages only attach a <video> and call
 * methods. It recovers on its own from a busy or lost camera.
 */
import { untrack } from 'svelte';
import { settings } from '$lib/settings/settings.svelte';
import { parsePhotoSize, type ControlValue } from '$lib/settings/schema';
import { newPhotoId } from '$lib/photos/ids';
import { encodeThumbnail, makeThumbnail, THUMB_FORMAT, THUMB_SIZE, thumbnailJobs } from '$lib/photos/thumbnail';
import type { NewPhoto, PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import { closeStream, facesUser, listCameras, openCamera, type CameraInfo } from './camera-device';
import { photoSettings, type PhotoCaps } from './constraints';
import { canSnapshotVideo, FrameClaims } from './frame-claims';
import { warmEncoder } from './encode-client';
import type { ControlSpec } from './controls';

/** The controls module loads once a camera is open: not needed for the first frame. */
type ControlsModule = typeof import('./controls');
import {
	CameraBusyError,
	CameraError,
	CameraLostError,
	CaptureFailedError,
	ControlRefusedError,
	NoCameraError,
	PermissionDeniedError,
	isAbort,
	toCameraError
} from './errors';
import {
	captureStill,
	readPhotoCapabilities,
	takePhotoAdds,
	type FrameTransform,
	type Still,
	type StillMethod
} from './still-capture';

export type CaptureStatus = 'idle' | 'starting' | 'live' | 'error';

/** What the session needs from storage; the repository satisfies it. */
export interface PhotoSink {
	add(photo: NewPhoto): Promise<PhotoMeta>;
	putThumbnail(thumb: StoredThumbnail): Promise<void>;
	/** Gets ready for the first save (called once the camera is live). */
	preload?(): void;
}

/**
 * The repository, loaded once the camera is live rather than before the camera page can show
 * anything: showing the camera needs no storage code, and it is in place long before a person
 * can press the shutter (a press that beats it waits for it, it is never lost).
 */
const loadRepository = () => import('$lib/photos/repository').then((m) => m.photos);
const lazyRepository: PhotoSink = {
	add: async (photo) => (await loadRepository()).add(photo),
	putThumbnail: async (thumb) => (await loadRepository()).putThumbnail(thumb),
	preload: () => void loadRepository()
};

/** Waits before automatic retries: a busy camera or a lost one is tried again on this scale. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const LOST_RETRY_MS = 3000;

function whenIdle(run: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
	else setTimeout(run, 50);
}

/** Draws a frame flipped left to right (a mirrored photo), then hands on to `next`. */
function mirrored(next: FrameTransform | undefined): FrameTransform {
	return (ctx, source, width, height) => {
		ctx.translate(width, 0);
		ctx.scale(-1, 1);
		if (next) next(ctx, source, width, height);
		else ctx.drawImage(source, 0, 0, width, height);
	};
}

export class CaptureSession {
	#status = $state<CaptureStatus>('idle');
	#error = $state<CameraError | null>(null);
	#stream = $state.raw<MediaStream | null>(null);
	#cameras = $state.raw<CameraInfo[]>([]);
	#capabilities = $state.raw<MediaTrackCapabilities | null>(null);
	#photoCaps = $state.raw<PhotoCaps | undefined>(undefined);
	#controls = $state.raw<ControlSpec[]>([]);
	#values = $state.raw<Record<string, ControlValue>>({});
	#pending = $state(0);
	#lastMethod = $state<StillMethod | null>(null);
	#lastEncodedIn = $state<Still['encodedIn'] | null>(null);
	#retryAt = $state<number | null>(null);
	#knownPhotoCaps = $state.raw<PhotoCaps | undefined>(undefined);

	/** Whether the person wants the camera on (kept while the page is hidden). */
	#wanted = false;
	#video: HTMLVideoElement | null = null;
	#starting: AbortController | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#retries = 0;
	/** Frames presented so far, and the frame the last shot took: no two shots share one. */
	#frameNo = 0;
	#lastShotFrame = -1;
	#frameWaiters: (() => void)[] = [];
	/** The live frames shots have taken, by timestamp: no two shots share one. */
	#claims = new FrameClaims();
	/** A takePhoto() is running: a shot meanwhile takes the live frame instead of queueing. */
	#photoInFlight = false;
	#counting: HTMLVideoElement | null = null;
	#ctl: ControlsModule | undefined;
	/** The track's own values when opened: what Reset returns to. */
	#defaults: Record<string, ControlValue> = {};
	#sink: PhotoSink;

	/** A pixel transform applied to every still before encoding (effects plug in here). */
	transform: FrameTransform | undefined = undefined;
	/** The same effect for the live preview, as a CSS filter (null: none). */
	previewFilter = $state<string | null>(null);

	constructor(sink: PhotoSink = lazyRepository) {
		this.#sink = sink;
		if (typeof document !== 'undefined') {
			document.addEventListener('visibilitychange', this.#onVisibility);
			window.addEventListener('pagehide', () => this.#release());
			window.addEventListener('pageshow', (e) => e.persisted && this.#onVisibility());
			navigator.mediaDevices?.addEventListener?.('devicechange', this.#onDeviceChange);
			// The chosen camera applies live: a change in settings switches a running preview.
			$effect.root(() => {
				$effect(() => {
					const wanted = settings.values.cameraId;
					// Only the setting is tracked: a camera that fell back to another device must
					// not restart in a loop.
					untrack(() => {
						const current = this.track?.getSettings().deviceId;
						if (wanted && current && wanted !== current && this.#status === 'live') {
							void this.restart();
						}
					});
				});
			});
		}
	}

	get status(): CaptureStatus {
		return this.#status;
	}
	get error(): CameraError | null {
		return this.#error;
	}
	/** When an automatic retry is due (ms since the epoch), or null. */
	get retryAt(): number | null {
		return this.#retryAt;
	}
	get stream(): MediaStream | null {
		return this.#stream;
	}
	get track(): MediaStreamTrack | undefined {
		return this.#stream?.getVideoTracks()[0];
	}
	/** The cameras this device has (labels appear once permission is given). */
	get cameras(): CameraInfo[] {
		return this.#cameras;
	}
	get activeCamera(): CameraInfo | undefined {
		const track = this.track;
		if (!track) return undefined;
		const id = track.getSettings().deviceId ?? '';
		return this.#cameras.find((c) => c.deviceId === id) ?? { deviceId: id, label: track.label };
	}
	/** The track's capabilities, or null with no camera running. */
	get capabilities(): MediaTrackCapabilities | null {
		return this.#capabilities;
	}
	get photoCapabilities(): PhotoCaps | undefined {
		return this.#photoCaps;
	}
	/** The last camera's photo capabilities, kept after it stops (for the settings page). */
	get knownPhotoCapabilities(): PhotoCaps | undefined {
		return this.#photoCaps ?? this.#knownPhotoCaps;
	}
	/** The controls this camera really has. */
	get controls(): ControlSpec[] {
		return this.#controls;
	}
	/** The controls' current values. */
	get controlValues(): Record<string, ControlValue> {
		return this.#values;
	}
	/** Whether the preview should be shown as a mirror. */
	get mirrored(): boolean {
		return settings.values.mirrorPreview && facesUser(this.track);
	}
	/** Which step of the still chain gave the last photo (takePhoto, grabFrame or video). */
	get lastCaptureMethod(): StillMethod | null {
		return this.#lastMethod;
	}
	/** Where the last photo was encoded (the encode worker, or the page). */
	get lastEncodedIn(): Still['encodedIn'] | null {
		return this.#lastEncodedIn;
	}
	/** Shots taken but not yet saved. */
	get pending(): number {
		return this.#pending;
	}

	/** Gives the session the <video> to show the preview in (null to detach). */
	attach(video: HTMLVideoElement | null): void {
		this.#video = video;
		if (video && video.srcObject !== this.#stream) video.srcObject = this.#stream;
		if (video) this.#countFrames(video);
	}

	/** Counts presented frames (requestVideoFrameCallback) so a shot can wait for a new one. */
	#countFrames(video: HTMLVideoElement): void {
		if (!('requestVideoFrameCallback' in video) || this.#counting === video) return;
		this.#counting = video;
		const tick: VideoFrameRequestCallback = (_now, meta) => {
			this.#frameNo = meta.presentedFrames;
			this.#frameWaiters.splice(0).forEach((wake) => wake());
			if (this.#video === video) video.requestVideoFrameCallback(tick);
			else this.#counting = null;
		};
		video.requestVideoFrameCallback(tick);
	}

	/** Resolves at the next presented frame (or after `ms`, where frames stall). */
	#nextFrame(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				resolve();
			};
			// A waiter whose time ran out leaves the list: where frames are not counted it would
			// otherwise stay for good.
			const timer = setTimeout(() => {
				const i = this.#frameWaiters.indexOf(wake);
				if (i >= 0) this.#frameWaiters.splice(i, 1);
				resolve();
			}, ms);
			this.#frameWaiters.push(wake);
		});
	}

	/**
	 * Starts the camera chosen in settings, unless it is already running or starting (the app
	 * may ask for it before the page mounts). Never throws: failures land in `error`.
	 */
	async start(): Promise<void> {
		if (this.#wanted && (this.#status === 'live' || this.#status === 'starting')) return;
		// A tab opened in the background does not light the camera: it starts when shown.
		if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
			this.#wanted = true;
			return;
		}
		await this.restart();
	}

	/** Opens the camera afresh (Retry, another camera chosen). */
	async restart(): Promise<void> {
		this.#retries = 0;
		await this.#open({ quiet: false });
	}

	/** Stops the camera and keeps it off until start() (Stop camera). */
	stop(): void {
		this.#wanted = false;
		this.#cancelRetry();
		this.#release();
		this.#error = null;
		this.#status = 'idle';
	}

	/** Moves to the next camera (and remembers it). */
	switchCamera(): void {
		const list = this.#cameras;
		if (list.length < 2) return;
		const current = this.track?.getSettings().deviceId ?? settings.values.cameraId;
		const at = list.findIndex((c) => c.deviceId === current);
		const next = list[(at + 1) % list.length];
		settings.set('cameraId', next.deviceId);
		// The settings effect restarts a live preview; start one that is not running.
		if (this.#status !== 'live') void this.start();
	}

	async refreshCameras(): Promise<void> {
		try {
			this.#cameras = await listCameras();
		} catch {
			// enumerateDevices can fail in odd embeddings; the list simply stays as it was.
		}
	}

	/**
	 * Sets one camera control. The value is clamped to the camera's range first; a value the
	 * camera refuses is reverted and reported with ControlRefusedError, the preview untouched.
	 */
	async applyControl(key: string, value: ControlValue): Promise<void> {
		const track = this.track;
		const spec = this.#controls.find((c) => c.key === key);
		const ctl = this.#ctl;
		if (!track || !spec || !ctl) return;
		const { clampControl, currentValues, trackConstraints } = ctl;
		const clamped = clampControl(spec, value);
		if (clamped === undefined) return;
		const before = this.#values;
		const next: Record<string, ControlValue> = { ...before, [key]: clamped };
		// Leaving manual mode drops the manual values that depended on it.
		for (const dep of this.#controls) {
			if (dep.requires?.key === key && clamped !== dep.requires.value) delete next[dep.key];
			if (spec.requires && dep.key === spec.requires.key && dep.options?.includes(spec.requires.value)) {
				next[dep.key] = spec.requires.value;
			}
		}
		this.#values = next;
		if (spec.target === 'track') {
			try {
				await track.applyConstraints({ advanced: [trackConstraints(this.#controls, { [key]: clamped })] });
				// Read back what the camera really did (it may round to its own step).
				this.#values = { ...next, ...currentValues([spec], track.getSettings() as Record<string, unknown>) };
			} catch (e) {
				this.#values = before;
				throw new ControlRefusedError(spec.label, { cause: e });
			}
		}
		this.#remember();
	}

	/** Returns every control to the camera's own defaults and forgets what was remembered. */
	async resetControls(): Promise<void> {
		const track = this.track;
		const id = track?.getSettings().deviceId;
		const ctl = this.#ctl;
		if (!track || !id || !ctl) return;
		const { currentValues, trackConstraints } = ctl;
		settings.clearControls(id);
		const defaults = this.#defaults;
		try {
			await track.applyConstraints({ advanced: [trackConstraints(this.#controls, defaults)] });
		} catch (e) {
			throw new ControlRefusedError('Reset', { cause: e });
		} finally {
			this.#values = { ...defaults, ...currentValues(this.#controls, track.getSettings() as Record<string, unknown>) };
		}
	}

	/**
	 * Takes a photo and saves it. Resolves once the original is stored; the thumbnail follows
	 * off the critical path. A full device rejects with StorageFullError carrying the photo.
	 */
	async shoot(signal?: AbortSignal): Promise<PhotoMeta> {
		const track = this.track;
		const video = this.#video;
		if (this.#status !== 'live' || !track || !video) throw new CaptureFailedError();
		this.#pending++;
		try {
			const size = parsePhotoSize(settings.values.photoSize);
			const mirror = settings.values.mirrorSaved && facesUser(track);
			const wanted = {
				...photoSettings(this.#photoCaps, size),
				...this.#ctl?.photoControlSettings(this.#controls, this.#values)
			};
			const useTakePhoto =
				!this.#photoInFlight && takePhotoAdds(wanted, video.videoWidth, video.videoHeight);
			// Never the same picture twice. A live frame is claimed by its timestamp as it is
			// taken (FrameClaims); elsewhere a shot a moment after the last one waits for the
			// next presented frame.
			if (useTakePhoto || this.#claims.unsupported || !canSnapshotVideo()) {
				if ('requestVideoFrameCallback' in video && this.#frameNo === this.#lastShotFrame) {
					await this.#nextFrame(250);
				}
				this.#lastShotFrame = this.#frameNo;
			}
			if (useTakePhoto) this.#photoInFlight = true;
			let still: Still;
			try {
				still = await captureStill({
					track,
					video,
					format: settings.values.format,
					quality: settings.values.quality,
					photoCaps: this.#photoCaps,
					photoSettings: wanted,
					useTakePhoto,
					transform: mirror ? mirrored(this.transform) : this.transform,
					// Without an effect the frame can be drawn in the encode worker.
					workerDraw: this.transform ? undefined : { mirror },
					thumbnailFormat: THUMB_FORMAT,
					maxSize: size,
					thumbnailSize: THUMB_SIZE,
					frames: { claims: this.#claims, wait: (ms) => this.#nextFrame(ms) },
					signal
				});
			} finally {
				if (useTakePhoto) this.#photoInFlight = false;
			}
			this.#lastMethod = still.method;
			this.#lastEncodedIn = still.encodedIn;
			// The id is ours before the save so the thumbnail job can be found by anyone who
			// hears of the photo before its thumbnail is stored.
			const id = newPhotoId();
			let finish!: (t: StoredThumbnail | undefined) => void;
			thumbnailJobs.set(id, new Promise((r) => (finish = r)));
			try {
				const meta = await this.#sink.add({
					id,
					blob: still.blob,
					width: still.width,
					height: still.height,
					camera: track.label
				});
				// In idle time, so a burst's next shots are not slowed by this one's thumbnail.
				whenIdle(() => void this.#thumbnail(id, still).then(finish));
				return meta;
			} catch (e) {
				thumbnailJobs.delete(id);
				finish(undefined);
				throw e;
			}
		} catch (e) {
			throw isAbort(e) || e instanceof Error ? e : toCameraError(e);
		} finally {
			this.#pending--;
		}
	}

	async #thumbnail(id: string, still: Still): Promise<StoredThumbnail | undefined> {
		try {
			// Drawn at capture from the pixels that were encoded: no decode of the photo needed.
			const done = await still.encodedThumbnail;
			const thumb = done
				? { id, data: await done.blob.arrayBuffer(), type: done.blob.type, width: done.width, height: done.height }
				: still.thumbnail
					? await encodeThumbnail(id, still.thumbnail)
					: await makeThumbnail(id, still.blob);
			await this.#sink.putThumbnail(thumb);
			return thumb;
		} catch (e) {
			// The gallery makes missing thumbnails itself; the photo is safe either way.
			console.warn('Thumbnail deferred to the gallery:', e);
			return undefined;
		} finally {
			thumbnailJobs.delete(id);
		}
	}

	/**
	 * Opens the camera. `quiet` (automatic retries) keeps the current message on screen until
	 * the camera is back, so a recovering preview does not flicker between states.
	 */
	async #open({ quiet }: { quiet: boolean }): Promise<void> {
		this.#wanted = true;
		this.#cancelRetry();
		this.#starting?.abort();
		const ctrl = new AbortController();
		this.#starting = ctrl;
		this.#release({ keepStarting: true });
		if (!quiet) {
			this.#status = 'starting';
			this.#error = null;
		}
		try {
			const stream = await openCamera(settings.values.cameraId, ctrl.signal);
			if (ctrl.signal.aborted) return closeStream(stream);
			const track = stream.getVideoTracks()[0];
			if (!track) throw new CameraLostError();
			track.addEventListener('ended', () => this.#onTrackEnded(stream));
			this.#stream = stream;
			this.#capabilities = track.getCapabilities?.() ?? null;
			if (this.#video) this.#video.srcObject = stream;
			this.#status = 'live';
			this.#sink.preload?.();
			// Started now so the first shot finds it up (until then shots encode on the page).
			void warmEncoder();
			this.#error = null;
			this.#retries = 0;
			// Labels and photo capabilities are only available once the camera is open.
			const [caps] = await Promise.all([readPhotoCapabilities(track), this.refreshCameras()]);
			if (this.#stream !== stream) return;
			this.#photoCaps = caps;
			if (caps) this.#knownPhotoCaps = caps;
			await this.#setUpControls(track);
		} catch (e) {
			if (ctrl.signal.aborted || isAbort(e)) return;
			const err = toCameraError(e);
			// While a lost camera is away, each failed attempt keeps the "camera stopped" message
			// and the retries going, until it is back.
			if (quiet && this.#error instanceof CameraLostError && !(err instanceof PermissionDeniedError)) {
				this.#status = 'error';
				this.#scheduleRetry();
				return;
			}
			this.#error = err;
			this.#status = 'error';
			void this.refreshCameras();
			// A busy camera is often freed a moment later; a lost one may come back.
			if (err instanceof CameraBusyError || err instanceof CameraLostError) this.#scheduleRetry();
		} finally {
			if (this.#starting === ctrl) this.#starting = null;
		}
	}

	/** Finds the camera's controls, keeps its defaults, and re-applies what was remembered. */
	async #setUpControls(track: MediaStreamTrack): Promise<void> {
		const ctl = (this.#ctl ??= await import('./controls'));
		if (this.track !== track) return;
		const { availableControls, clampControl, currentValues, trackConstraints } = ctl;
		const specs = availableControls(
			this.#capabilities as Record<string, unknown> | null,
			this.#photoCaps
		);
		this.#controls = specs;
		const trackSettings = track.getSettings() as Record<string, unknown>;
		this.#defaults = currentValues(specs, trackSettings);
		const id = track.getSettings().deviceId ?? '';
		const remembered = settings.controlsFor(id);
		const values: Record<string, ControlValue> = { ...this.#defaults };
		for (const spec of specs) {
			const v = clampControl(spec, remembered[spec.key]);
			if (v !== undefined) values[spec.key] = v;
		}
		const constraints = trackConstraints(specs, remembered);
		if (Object.keys(constraints).length) {
			try {
				await track.applyConstraints({ advanced: [constraints] });
			} catch {
				// The camera no longer takes what it once did: start from its defaults.
				settings.clearControls(id);
				this.#values = { ...this.#defaults };
				return;
			}
		}
		this.#values = { ...values, ...currentValues(specs, track.getSettings() as Record<string, unknown>) };
	}

	#remember(): void {
		const id = this.track?.getSettings().deviceId;
		if (!id) return;
		for (const spec of this.#controls) {
			const v = this.#values[spec.key];
			// Only what differs from the camera's own default is worth remembering.
			settings.setControl(id, spec.key, v === this.#defaults[spec.key] ? undefined : v);
		}
	}

	#scheduleRetry(): void {
		if (!this.#wanted) return;
		const delay =
			this.#error instanceof CameraLostError
				? LOST_RETRY_MS
				: RETRY_DELAYS_MS[Math.min(this.#retries, RETRY_DELAYS_MS.length - 1)];
		if (this.#error instanceof CameraBusyError && this.#retries >= RETRY_DELAYS_MS.length) return;
		this.#retries++;
		this.#retryAt = Date.now() + delay;
		this.#retryTimer = setTimeout(() => {
			this.#retryAt = null;
			if (this.#wanted && document.visibilityState !== 'hidden') void this.#open({ quiet: true });
		}, delay);
	}

	#cancelRetry(): void {
		clearTimeout(this.#retryTimer);
		this.#retryTimer = undefined;
		this.#retryAt = null;
	}

	#release(opts: { keepStarting?: boolean } = {}): void {
		if (!opts.keepStarting) {
			this.#starting?.abort();
			this.#starting = null;
		}
		closeStream(this.#stream);
		this.#stream = null;
		this.#capabilities = null;
		this.#photoCaps = undefined;
		this.#controls = [];
		this.#values = {};
		if (this.#video) this.#video.srcObject = null;
		if (this.#status !== 'error') this.#status = 'idle';
	}

	#onTrackEnded(stream: MediaStream): void {
		if (this.#stream !== stream) return;
		this.#release();
		this.#error = new CameraLostError();
		this.#status = 'error';
		this.#scheduleRetry();
	}

	#onDeviceChange = (): void => {
		void this.refreshCameras();
		// A camera plugged back in: try at once rather than wait for the next retry.
		const missing = this.#error instanceof CameraLostError || this.#error instanceof NoCameraError;
		if (this.#wanted && this.#status === 'error' && missing) {
			void this.#open({ quiet: true });
		}
	};

	#onVisibility = (): void => {
		if (document.visibilityState === 'hidden') {
			// Free the camera (and its light) while nobody is looking; remember to come back.
			const wanted = this.#wanted;
			this.#cancelRetry();
			this.#release();
			this.#wanted = wanted;
		} else if (this.#wanted && this.#status !== 'live' && this.#status !== 'starting') {
			void this.restart();
		}
	};
}

/** The app's one capture engine (safe as a singleton because ssr is off). */
export const session = new CaptureSession();
