/**
 * One camera frame per shot. A burst of presses faster than the camera delivers frames must not
 * save the same picture twice, and a press must never wait longer than it has to.
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
	/** Set once snapshotting failed in this browser: shots then draw the <video> instead. */
	unsupported = false;

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
		const stallMs = opts.stallMs ?? 250;
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
