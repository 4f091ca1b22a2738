/**
 * The capture engine shared by every route: owns the camera stream, knows its status, the active
 * camera and its capabilities, and takes photos. Pages only attach a <video> and call methods.
 */
import { untrack } from 'svelte';
import { settings } from '$lib/settings/settings.svelte';
import { newPhotoId, photos as defaultRepository } from '$lib/photos/repository';
import { makeThumbnail, thumbnailJobs } from '$lib/photos/thumbnail';
import type { NewPhoto, PhotoMeta, StoredThumbnail } from '$lib/photos/types';
import { closeStream, facesUser, listCameras, openCamera, type CameraInfo } from './camera-device';
import type { PhotoCaps } from './constraints';
import { CameraError, CameraLostError, CaptureFailedError, isAbort, toCameraError } from './errors';
import { captureStill, readPhotoCapabilities, type FrameTransform, type Still, type StillMethod } from './still-capture';

export type CaptureStatus = 'idle' | 'starting' | 'live' | 'error';

/** What the session needs from storage; the repository satisfies it. */
export interface PhotoSink {
	add(photo: NewPhoto): Promise<PhotoMeta>;
	putThumbnail(thumb: StoredThumbnail): Promise<void>;
}

export class CaptureSession {
	#status = $state<CaptureStatus>('idle');
	#error = $state<CameraError | null>(null);
	#stream = $state.raw<MediaStream | null>(null);
	#cameras = $state.raw<CameraInfo[]>([]);
	#capabilities = $state.raw<MediaTrackCapabilities | null>(null);
	#photoCaps = $state.raw<PhotoCaps | undefined>(undefined);
	#pending = $state(0);
	#lastMethod = $state<StillMethod | null>(null);

	/** Whether the person wants the camera on (kept while the page is hidden). */
	#wanted = false;
	#video: HTMLVideoElement | null = null;
	#starting: AbortController | null = null;
	#sink: PhotoSink;

	/** A pixel transform applied to every still before encoding (effects plug in here). */
	transform: FrameTransform | undefined = undefined;

	constructor(sink: PhotoSink = defaultRepository) {
		this.#sink = sink;
		if (typeof document !== 'undefined') {
			document.addEventListener('visibilitychange', this.#onVisibility);
			window.addEventListener('pagehide', () => this.#release());
			window.addEventListener('pageshow', (e) => e.persisted && this.#onVisibility());
			navigator.mediaDevices?.addEventListener?.('devicechange', () => void this.refreshCameras());
			// The chosen camera applies live: a change in settings switches a running preview.
			$effect.root(() => {
				$effect(() => {
					const wanted = settings.values.cameraId;
					// Only the setting is tracked: a camera that fell back to another device must
					// not restart in a loop.
					untrack(() => {
						const current = this.track?.getSettings().deviceId;
						if (wanted && current && wanted !== current && this.#status === 'live') {
							void this.start();
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
	/** The track's capabilities (zoom, exposure, focus…), or null with no camera running. */
	get capabilities(): MediaTrackCapabilities | null {
		return this.#capabilities;
	}
	get photoCapabilities(): PhotoCaps | undefined {
		return this.#photoCaps;
	}
	/** Whether the preview should be shown as a mirror. */
	get mirrored(): boolean {
		return settings.values.mirrorPreview && facesUser(this.track);
	}
	/** Which step of the still chain gave the last photo (takePhoto, grabFrame or video). */
	get lastCaptureMethod(): StillMethod | null {
		return this.#lastMethod;
	}
	/** Shots taken but not yet saved. */
	get pending(): number {
		return this.#pending;
	}

	/** Gives the session the <video> to show the preview in (null to detach). */
	attach(video: HTMLVideoElement | null): void {
		this.#video = video;
		if (video && video.srcObject !== this.#stream) video.srcObject = this.#stream;
	}

	/** Starts (or restarts) the camera chosen in settings. Never throws: failures land in `error`. */
	async start(): Promise<void> {
		this.#wanted = true;
		this.#starting?.abort();
		const ctrl = new AbortController();
		this.#starting = ctrl;
		this.#release({ keepStarting: true });
		this.#status = 'starting';
		this.#error = null;
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
			// Labels and photo capabilities are only available once the camera is open.
			const [caps] = await Promise.all([readPhotoCapabilities(track), this.refreshCameras()]);
			if (this.#stream === stream) this.#photoCaps = caps;
		} catch (e) {
			if (ctrl.signal.aborted || isAbort(e)) return;
			this.#error = toCameraError(e);
			this.#status = 'error';
			void this.refreshCameras();
		} finally {
			if (this.#starting === ctrl) this.#starting = null;
		}
	}

	/** Stops the camera and keeps it off until start() (Stop camera). */
	stop(): void {
		this.#wanted = false;
		this.#starting?.abort();
		this.#release();
		this.#error = null;
		this.#status = 'idle';
	}

	async refreshCameras(): Promise<void> {
		try {
			this.#cameras = await listCameras();
		} catch {
			// enumerateDevices can fail in odd embeddings; the list simply stays as it was.
		}
	}

	/**
	 * Takes a photo and saves it. Resolves once the original is stored; the thumbnail follows
	 * off the critical path.
	 */
	async shoot(signal?: AbortSignal): Promise<PhotoMeta> {
		const track = this.track;
		const video = this.#video;
		if (this.#status !== 'live' || !track || !video) throw new CaptureFailedError();
		this.#pending++;
		try {
			const still: Still = await captureStill({
				track,
				video,
				format: settings.values.format,
				quality: settings.values.quality,
				photoCaps: this.#photoCaps,
				transform: this.transform,
				signal
			});
			this.#lastMethod = still.method;
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
				void this.#thumbnail(id, still.blob).then(finish);
				return meta;
			} catch (e) {
				thumbnailJobs.delete(id);
				finish(undefined);
				throw e;
			}
		} catch (e) {
			throw isAbort(e) || e instanceof CameraError ? e : toCameraError(e);
		} finally {
			this.#pending--;
		}
	}

	async #thumbnail(id: string, blob: Blob): Promise<StoredThumbnail | undefined> {
		try {
			const thumb = await makeThumbnail(id, blob);
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

	#release(opts: { keepStarting?: boolean } = {}): void {
		if (!opts.keepStarting) {
			this.#starting?.abort();
			this.#starting = null;
		}
		closeStream(this.#stream);
		this.#stream = null;
		this.#capabilities = null;
		this.#photoCaps = undefined;
		if (this.#video) this.#video.srcObject = null;
		if (this.#status !== 'error') this.#status = 'idle';
	}

	#onTrackEnded(stream: MediaStream): void {
		if (this.#stream !== stream) return;
		this.#release();
		this.#error = new CameraLostError();
		this.#status = 'error';
	}

	#onVisibility = (): void => {
		if (document.visibilityState === 'hidden') {
			// Free the camera (and its light) while nobody is looking; remember to come back.
			const wanted = this.#wanted;
			this.#release();
			this.#wanted = wanted;
		} else if (this.#wanted && this.#status !== 'live' && this.#status !== 'starting') {
			void this.start();
		}
	};
}

/** The app's one capture engine (safe as a singleton because ssr is off). */
export const session = new CaptureSession();
