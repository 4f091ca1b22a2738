/**
 * One camera frame per shot. A burst of presses faster than the camera delivers frames must not
 * save the same picture twice, and a press must never wait longer than it has to. FrameGate is
 * the one place that decides it, whichever way the still is taken.
 *
 * A frame is identified by the timestamp the browser gives it (`VideoFrame.timestamp`, the
 * capture time in microseconds), read from the very object the still is then drawn from, so
 * the identity and the pixels cannot disagree. Counting requestVideoFrameCallback calls cannot
 * give that: the callbacks run with rendering, and lag the frame the <video> holds whenever the
 * page is busy, which is exactly during a burst.
 */

/** What a claim needs from its source: a way to snapshot the current frame. */
export type FrameSource<F extends ClaimableFrame> = () => F;

export interface ClaimableFrame {
	readonly timestamp: number;
	close(): void;
}

export interface ClaimOptions {
	/**
	 * Resolves when a new frame may have arrived (the next presented frame, or after `ms`).
	 * The claim checks again then, so a late wake-up costs time but never a wrong frame.
	 */
	wait: (ms: number) => Promise<void>;
	/**
	 * After this long without a new frame (a frozen or very slow camera) the current frame is
	 * taken even though a shot already has it: the press still gets its photo.
	 */
	stallMs?: number;
	/** Called when a stalled camera made the claim take a frame another shot has. */
	onStall?: () => void;
	signal?: AbortSignal;
	now?: () => number;
}

/** How many recent timestamps are remembered: more than a burst can have in flight. */
const REMEMBERED = 32;
/** How often a waiting claim looks again, at the latest, when no frame callback comes. */
const POLL_MS = 8;

export class FrameClaims {
	#used: number[] = [];

/** Whether a frame with this timestamp went to a shot already. */
	taken(timestamp: number): boolean {
		return this.#used.includes(timestamp);
	}

	/**
	 * Snapshots the current frame and keeps it for the caller, or waits for one no shot has had.
	 * The check and the claim happen in one synchronous step, so two shots racing for the same
	 * frame cannot both win. The caller owns the returned frame and must close it.
	 */
	async claim<F extends ClaimableFrame>(snapshot: FrameSource<F>, opts: ClaimOptions): Promise<F> {
		const now = opts.now ?? (() => performance.now());
		const stallMs = opts.stallMs ?? STALL_MS;
		const started = now();
		for (;;) {
			opts.signal?.throwIfAborted();
			const frame = snapshot();
			const waited = now() - started;
			const repeat = this.taken(frame.timestamp);
			if (!repeat || waited >= stallMs) {
				if (repeat) opts.onStall?.();
				this.#remember(frame.timestamp);
				return frame;
			}
			frame.close();
			await opts.wait(Math.max(1, Math.min(POLL_MS, stallMs - waited)));
		}
	}

	#remember(timestamp: number): void {
		if (this.taken(timestamp)) return;
		this.#used.push(timestamp);
		if (this.#used.length > REMEMBERED) this.#used.shift();
	}
}

/** Whether this browser can snapshot a <video>'s frame as a VideoFrame (WebCodecs). */
export function canSnapshotVideo(): boolean {
	return typeof VideoFrame === 'function';
}

/**
 * How long a shot waits for a new frame before it takes the one it has (a stalled camera). Long:
 * on a slow or busy machine a burst slows down rather than save a frame twice (at 4x CPU
 * throttling here frames came more than 250 ms apart, and a shot took a repeat); a frozen camera
 * still gives each press its photo, a second late.
 */
const STALL_MS = 1000;

/**
 * Frame uniqueness for one preview <video>, by whichever means this browser has. Where a live
 * frame can be snapshotted (VideoFrame), the snapshot is claimed by its timestamp (FrameClaims).
 * Where the still comes from elsewhere (takePhoto, grabFrame, a draw of the <video>), a shot a
 * moment after the last one waits for the next presented frame, counted with
 * requestVideoFrameCallback.
 */
export class FrameGate {
	#claims = new FrameClaims();
	/** Set once snapshotting failed in this browser: shots then draw the <video> instead. */
	#snapshotsFail = false;
	#video: HTMLVideoElement | null = null;
	#counting: HTMLVideoElement | null = null;
	/** Frames presented so far, and the frame the last shot took. */
	#frameNo = 0;
	#lastShotFrame = -1;
	#waiters: (() => void)[] = [];

	/** Whether live frames are told apart by their own timestamps (else by counting frames). */
	get snapshots(): boolean {
		return !this.#snapshotsFail && canSnapshotVideo();
	}

	/** Follows the preview <video> (null to stop). */
	attach(video: HTMLVideoElement | null): void {
		this.#video = video;
		if (!video || !('requestVideoFrameCallback' in video) || this.#counting === video) return;
		this.#counting = video;
		const tick: VideoFrameRequestCallback = (_now, meta) => {
			this.#frameNo = meta.presentedFrames;
			this.#waiters.splice(0).forEach((wake) => wake());
			if (this.#video === video) video.requestVideoFrameCallback(tick);
			else this.#counting = null;
		};
		video.requestVideoFrameCallback(tick);
	}

	/**
	 * For a still that will not be a claimed snapshot (takePhoto, or a browser without
	 * VideoFrame): waits until a frame newer than the last such shot's is presented, or up to
	 * STALL_MS where frames stall, and marks it taken.
	 */
	async nextUnshot(): Promise<void> {
		const video = this.#video;
		if (video && 'requestVideoFrameCallback' in video && this.#frameNo === this.#lastShotFrame) {
			await this.#nextFrame(STALL_MS);
		}
		this.#lastShotFrame = this.#frameNo;
	}

	/**
	 * The <video>'s current frame as a VideoFrame that no other shot has had: the pixels drawn
	 * are the ones whose timestamp was checked. The caller owns it and must close it. Undefined
	 * where the browser cannot snapshot this video (the caller then draws the <video> itself,
	 * after nextUnshot()).
	 */
	async snapshot(video: HTMLVideoElement, signal?: AbortSignal): Promise<VideoFrame | undefined> {
		if (!this.snapshots) return undefined;
		try {
			return await this.#claims.claim(() => new VideoFrame(video), {
				wait: (ms) => this.#nextFrame(ms),
				stallMs: STALL_MS,
				signal,
				// Seen in the performance timeline (and by `npm run bench`): a repeated frame.
				onStall: () => performance.mark('booth:frame-stall')
			});
		} catch (e) {
			signal?.throwIfAborted();
			// A browser whose VideoFrame refuses this source: the plain draw works, from now on. Any
			// other failure (a frame gone while switching cameras) is for this shot only.
			if (e instanceof TypeError || (e instanceof DOMException && e.name === 'NotSupportedError')) {
				this.#snapshotsFail = true;
			}
			console.warn('Could not snapshot the video frame; drawing the video instead:', e);
			return undefined;
		}
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
				const i = this.#waiters.indexOf(wake);
				if (i >= 0) this.#waiters.splice(i, 1);
				resolve();
			}, ms);
			this.#waiters.push(wake);
		});
	}
}
