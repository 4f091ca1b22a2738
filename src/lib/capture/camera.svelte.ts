/**
 * The camera: owns the stream, knows its status and the cameras this device has, shows the
 * preview in the <video> a page attaches, and recovers on its own from a busy or lost camera.
 * What a camera can adjust (controls.svelte.ts) and taking a still (shutter.ts) build on it.
 */
import { untrack } from 'svelte';
import { settings } from '$lib/settings/settings.svelte';
import { closeStream, facesUser, listCameras, openCamera, type CameraInfo } from './camera-device';
import { CameraLock } from './camera-lock';
import { dropEarly, earlyOrNothing, endEarlyView, endEarlyViewWhenShown, releaseEarly, takeEarly } from './early-camera';
import {
	CameraBusyError,
	CameraInOtherTabError,
	CameraError,
	CameraLostError,
	NoCameraError,
	PermissionDeniedError,
	toCameraError
} from './errors';
import { isAbort } from '$lib/abort';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'error';

/** Told when a stream goes live (and, with null, when it is released). */
export type StreamListener = (track: MediaStreamTrack | null) => void | Promise<void>;

/** Waits before automatic retries: a busy camera or a lost one is tried again on this scale. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const LOST_RETRY_MS = 3000;

export class Camera {
	#status = $state<CameraStatus>('idle');
	#error = $state<CameraError | null>(null);
	#stream = $state.raw<MediaStream | null>(null);
	#cameras = $state.raw<CameraInfo[]>([]);
	#retryAt = $state<number | null>(null);
	#video: HTMLVideoElement | null = null;

	/** Whether the person wants the camera on (kept while the page is hidden). */
	#wanted = false;
	#starting: AbortController | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#retries = 0;
	#listeners = new Set<StreamListener>();
	/** One tab at a time has the camera (camera-lock.ts). */
	#lock: CameraLock | undefined;

	constructor() {
		if (typeof document === 'undefined') return;
		this.#lock = new CameraLock(this.#onTakenOver, this.#onFreedElsewhere);
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
					if (wanted && current && wanted !== current && this.#status === 'live') void this.restart();
				});
			});
		});
	}

	get status(): CameraStatus {
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
	/** The <video> showing the preview, once a page has attached one. */
	get video(): HTMLVideoElement | null {
		return this.#video;
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
	/** Whether the camera faces the person (a preview is then mirrored, and photos may be). */
	get facesUser(): boolean {
		return facesUser(this.track);
	}

	/** Calls `listener` with each stream that goes live, and with null when it is released. */
	onStream(listener: StreamListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Gives the camera the <video> to show the preview in (null to detach). */
	attach(video: HTMLVideoElement | null): void {
		this.#video = video;
		if (video && video.srcObject !== this.#stream) video.srcObject = this.#stream;
		// The early view (app.html) gives way once this preview shows the camera, or at once when
		// the preview goes.
		if (video && this.#stream) endEarlyViewWhenShown(video);
		else if (!video) endEarlyView();
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

	/** Takes the camera over from another tab of the booth that has it ("Use camera here"). */
	async takeOver(): Promise<void> {
		this.#retries = 0;
		await this.#open({ quiet: false, steal: true });
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
	async switchCamera(): Promise<void> {
		// Pressed the moment the camera went live, before its list was read: read it now.
		if (this.#cameras.length < 2) await this.refreshCameras();
		const list = this.#cameras;
		if (list.length < 2) return;
		const current = this.track?.getSettings().deviceId ?? settings.values.cameraId;
		const at = list.findIndex((c) => c.deviceId === current);
		settings.set('cameraId', list[(at + 1) % list.length].deviceId);
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

	#tell(track: MediaStreamTrack | null): Promise<unknown> {
		return Promise.all(
			[...this.#listeners].map(async (listener) => {
				try {
					await listener(track);
				} catch (e) {
					console.warn('A camera listener failed:', e);
				}
			})
		);
	}

	/**
	 * Opens the camera. `quiet` (automatic retries) keeps the current message on screen until
	 * the camera is back, so a recovering preview does not flicker between states.
	 */
	async #open({ quiet, steal = false }: { quiet: boolean; steal?: boolean }): Promise<void> {
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
		// Asked for by app.html while the app loaded (the first start only): the stream and the claim.
		const first = takeEarly(settings.values.cameraId);
		let early = first?.stream;
		try {
			let claimed = !this.#lock;
			if (this.#lock && first && !steal) claimed = await this.#lock.adopt(first.lock);
			else releaseEarly(first?.lock);
			if (this.#lock && !claimed) claimed = await this.#lock.acquire(steal);
			if (ctrl.signal.aborted) {
				// Stopped or hidden while waiting: let go, unless a newer start has the claim now.
				if (claimed && !this.#starting) this.#lock?.release();
				return;
			}
			if (!claimed) {
				this.#error = new CameraInOtherTabError(false);
				this.#status = 'error';
				return;
			}
			const taken = early && (await earlyOrNothing(early));
			early = undefined;
			if (taken && ctrl.signal.aborted) {
				// Stopped, hidden or taken over while the early stream came: its view goes too.
				endEarlyView();
				return closeStream(taken);
			}
			const stream = taken ?? (await openCamera(settings.values.cameraId, ctrl.signal));
			if (ctrl.signal.aborted) return closeStream(stream);
			const track = stream.getVideoTracks()[0];
			if (!track) throw new CameraLostError();
			track.addEventListener('ended', () => this.#onTrackEnded(stream));
			this.#stream = stream;
			if (this.#video) {
				this.#video.srcObject = stream;
				endEarlyViewWhenShown(this.#video);
			}
			this.#status = 'live';
			this.#error = null;
			this.#retries = 0;
			// Labels are only available once the camera is open; the controls read theirs.
			await Promise.all([this.#tell(track), this.refreshCameras()]);
		} catch (e) {
			if (ctrl.signal.aborted || isAbort(e)) return;
			endEarlyView();
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
			dropEarly(early);
			if (this.#starting === ctrl) this.#starting = null;
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
		const had = this.#stream !== null;
		// The camera going (not a restart): the early view, of the same or a pending stream, goes too.
		if (had || !opts.keepStarting) endEarlyView();
		closeStream(this.#stream);
		// Reopening keeps the claim; anything else lets another tab have the camera.
		if (!opts.keepStarting) this.#lock?.release();
		this.#stream = null;
		if (this.#video) this.#video.srcObject = null;
		if (this.#status !== 'error') this.#status = 'idle';
		if (had) void this.#tell(null);
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
		if (this.#wanted && this.#status === 'error' && missing) void this.#open({ quiet: true });
	};

	/** Another tab took the camera over: let go of it and say where it went. */
	#onTakenOver = (): void => {
		this.#cancelRetry();
		this.#release();
		this.#error = new CameraInOtherTabError(true);
		this.#status = 'error';
	};

	/** Another tab let go of the camera: a tab shown and waiting for it takes it up. */
	#onFreedElsewhere = (): void => {
		const waiting = this.#error instanceof CameraInOtherTabError && this.#status === 'error';
		if (waiting && this.#wanted && document.visibilityState !== 'hidden') void this.#open({ quiet: true });
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
