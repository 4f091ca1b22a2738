/**
 * What happens when the shutter is pressed: the countdown, then one photo or a burst, with the
 * flash and sound for each shot. Esc (cancel) stops a countdown or the rest of a burst; shots
 * already taken are still saved. A burst's photos are handed back together, for strips later.
 */
import { settings } from '$lib/settings/settings.svelte';
import type { PhotoMeta } from '$lib/photos/types';
import { session, type CaptureSession } from './capture-session.svelte';
import { mayFlash } from './flash';

export interface TriggerResult {
	saved: PhotoMeta[];
	/** Errors of shots that were taken but not saved (each may carry the photo). */
	failed: unknown[];
	cancelled: boolean;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(signal.reason);
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		signal.addEventListener('abort', onAbort, { once: true });
	});
}

export class Booth {
	#session: CaptureSession;
	#remaining = $state(0);
	#shot = $state<{ index: number; total: number } | null>(null);
	#flashes = $state(0);
	#lastFlash: number | undefined;
	#presses = $state(0);
	#busy = $state(false);
	#abort: AbortController | null = null;

	constructor(session: CaptureSession) {
		this.#session = session;
	}

	/** Seconds left in the countdown (0: none running). */
	get remaining(): number {
		return this.#remaining;
	}
	/** The shot of a burst being taken ("2 of 4"), or null. */
	get shot(): { index: number; total: number } | null {
		return this.#shot;
	}
	/** Goes up when a shot flashes the screen (at most three times a second: see mayFlash). */
	get flashes(): number {
		return this.#flashes;
	}
	/** Goes up by one for every shot: the shutter button answers each. */
	get presses(): number {
		return this.#presses;
	}
	/** A countdown or burst is under way. */
	get busy(): boolean {
		return this.#busy;
	}

	/** Runs the countdown and takes the photo(s). A press while busy is ignored. */
	async trigger(): Promise<TriggerResult> {
		if (this.#busy) return { saved: [], failed: [], cancelled: false };
		const ctrl = new AbortController();
		this.#abort = ctrl;
		this.#busy = true;
		const saves: Promise<PhotoMeta>[] = [];
		let cancelled = false;
		try {
			for (let s = settings.values.countdown; s > 0; s--) {
				this.#remaining = s;
				await sleep(1000, ctrl.signal);
			}
			this.#remaining = 0;
			const total = settings.values.burst ? settings.values.burstCount : 1;
			for (let i = 0; i < total; i++) {
				if (i > 0) await sleep(settings.values.burstInterval, ctrl.signal);
				if (total > 1) this.#shot = { index: i + 1, total };
				saves.push(this.#shootOnce());
			}
		} catch (e) {
			if (!ctrl.signal.aborted) throw e;
			cancelled = true;
		} finally {
			this.#remaining = 0;
			this.#busy = false;
			this.#abort = null;
		}
		// Saves run on after the last shot; each one succeeds or fails on its own.
		const results = await Promise.allSettled(saves);
		this.#shot = null;
		return {
			saved: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
			failed: results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])),
			cancelled
		};
	}

	/** Stops a countdown, or the shots of a burst not yet taken. */
	cancel(): boolean {
		if (!this.#abort) return false;
		this.#abort.abort(new DOMException('Cancelled', 'AbortError'));
		return true;
	}

	#shootOnce(): Promise<PhotoMeta> {
		const pressed = performance.now();
		// Feedback in the frame of the shot; the save follows.
		this.#presses++;
		if (mayFlash(pressed, this.#lastFlash)) {
			this.#lastFlash = pressed;
			this.#flashes++;
		}
		// Loaded on first use: most people leave the sound off.
		if (settings.values.sound) void import('./shutter-sound').then((m) => m.playShutter());
		requestAnimationFrame(() =>
			performance.measure('booth:shutter-to-feedback', { start: pressed, end: performance.now() })
		);
		return this.#session.shoot().then((meta) => {
			// Read by `npm run bench`: the shot to the original's transaction complete.
			performance.measure('booth:shutter-to-saved', { start: pressed, end: performance.now(), detail: meta.id });
			return meta;
		});
	}
}

/** The app's one booth, driving the shared capture session. */
export const booth = new Booth(session);
