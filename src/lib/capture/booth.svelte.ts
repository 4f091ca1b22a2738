/**
 * What happens when the shutter is pressed: the chosen capture mode runs the press, with the
 * booth's countdown, flash and sound for each shot. Esc (cancel) stops a countdown or the shots
 * not yet taken; shots already taken are still saved, and every save is reported together.
 */
import { settings } from '$lib/settings/settings.svelte';
import type { BoothSettings } from '$lib/settings/schema';
import type { PhotoMeta } from '$lib/photos/types';
import { abortError, sleep } from '$lib/abort';
import { mayFlash } from './flash';
import { modeById, type CaptureMode, type ModeContext, type Recording } from './modes';
import type { Camera } from './camera.svelte';
import type { Saver } from './saver';
import type { Shutter } from './shutter.svelte';

/** A press with its own mode and settings (event mode's guests), its saves marked as the event's. */
export interface PressOptions {
	mode?: string;
	settings?: Partial<BoothSettings>;
	event?: string;
}

export interface TriggerResult {
	saved: PhotoMeta[];
	/** Errors of shots that were taken but not saved (each may carry the photo). */
	failed: unknown[];
	cancelled: boolean;
}

/** Asks before the page goes (the browser's own "Leave site?"): shots are still being stored. */
function holdUnload(event: BeforeUnloadEvent): void {
	event.preventDefault();
	// Older browsers ask only when returnValue is set.
	event.returnValue = '';
}

export class Booth {
	#camera: Camera;
	#shutter: Shutter;
	#saver: Saver;
	#remaining = $state(0);
	#shot = $state<{ index: number; total: number } | null>(null);
	#recording = $state<Recording | null>(null);
	/** This press's shots stored so far (the screen never counts more than are stored). */
	#stored = $state(0);
	/** Shots taken, on any press, whose records are not stored yet. */
	#unsaved = $state(0);
	/** Pictures of the shots taken so far in this press (object URLs), by shot. */
	#filled = $state<(string | undefined)[]>([]);
	#flashes = $state(0);
	#lastFlash: number | undefined;
	#presses = $state(0);
	/** Waiting on the press's own time (a countdown, the gap between shots): cancellable. */
	#busy = $state(false);
	#abort: AbortController | null = null;
	/**
	 * A mode's run() is under way; another press is ignored. Not state: a press that takes its
	 * one photo at once is over within the task, and the shutter must not flicker to Cancel.
	 */
	#running = false;

	constructor(camera: Camera, shutter: Shutter, saver: Saver) {
		this.#camera = camera;
		this.#shutter = shutter;
		this.#saver = saver;
	}

	/** The mode a press runs (the one chosen in settings). */
	get mode(): CaptureMode {
		return modeById(settings.values.mode);
	}
	/** Seconds left in the countdown (0: none running). */
	get remaining(): number {
		return this.#remaining;
	}
	/** The shot of several being taken ("2 of 4"), or null. */
	get shot(): { index: number; total: number } | null {
		return this.#shot;
	}
	/** A recording under way (a GIF's frames, a clip), or null. */
	get recording(): Recording | null {
		return this.#recording;
	}
	/** How many of this press's shots are stored (durable) so far. */
	get stored(): number {
		return this.#stored;
	}
	/** Shots taken and not yet stored: leaving the page now would lose them. */
	get unsaved(): number {
		return this.#unsaved;
	}
	/** The shots taken so far in this press, as pictures for the guide (by shot; gaps are undefined). */
	get filled(): readonly (string | undefined)[] {
		return this.#filled;
	}
	/** Goes up when a shot flashes the screen (at most three times a second: see mayFlash). */
	get flashes(): number {
		return this.#flashes;
	}
	/** Goes up by one for every shot: the shutter button answers each. */
	get presses(): number {
		return this.#presses;
	}
	/** A press is waiting on its own time (a countdown, the shots still to come): Esc cancels it. */
	get busy(): boolean {
		return this.#busy;
	}

	/** Runs the chosen mode for one press. A press while one runs is ignored. */
	async trigger(options: PressOptions = {}): Promise<TriggerResult> {
		if (this.#running) return { saved: [], failed: [], cancelled: false };
		const ctrl = new AbortController();
		this.#abort = ctrl;
		this.#running = true;
		const saves: Promise<PhotoMeta>[] = [];
		let cancelled = false;
		/** Why the press itself failed (a camera gone, a browser that cannot record): reported with the saves. */
		let runFailed: unknown[] = [];
		this.#stored = 0;
		this.#clearFilled();
		try {
			const mode = options.mode ? modeById(options.mode) : this.mode;
			await mode.run(this.#context(ctrl.signal, saves, options));
		} catch (e) {
			if (ctrl.signal.aborted) cancelled = true;
			else runFailed = [e];
		} finally {
			this.#remaining = 0;
			this.#busy = false;
			this.#running = false;
			this.#abort = null;
		}
		// Saves run on after the last shot; each one succeeds or fails on its own.
		const results = await Promise.allSettled(saves);
		this.#shot = null;
		this.#recording = null;
		this.#clearFilled();
		return {
			saved: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
			failed: [...runFailed, ...results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))],
			cancelled
		};
	}

	#clearFilled(): void {
		for (const url of this.#filled) if (url) URL.revokeObjectURL(url);
		this.#filled = [];
	}

	/** Stops a countdown, or the shots not yet taken. */
	cancel(): boolean {
		if (!this.#abort) return false;
		this.#abort.abort(abortError('Cancelled'));
		return true;
	}

	/** The saves of the press under way (whose stored count the screen shows). */
	#saves: Promise<PhotoMeta>[] = [];

	/**
	 * Counts saves under way. While any is, leaving the page asks first: a tab closed at "8 of
	 * 10" would lose the shots taken but not yet stored.
	 */
	#pending(change: 1 | -1): void {
		const before = this.#unsaved;
		this.#unsaved += change;
		if (typeof window === 'undefined') return;
		if (before === 0 && this.#unsaved > 0) window.addEventListener('beforeunload', holdUnload);
		else if (before > 0 && this.#unsaved === 0) window.removeEventListener('beforeunload', holdUnload);
	}

	#context(signal: AbortSignal, saves: Promise<PhotoMeta>[], options: PressOptions): ModeContext {
		/** `shot`: one of the press's shots (counted on screen as stored), not a composite. */
		const keep = (save: Promise<PhotoMeta>, shot = false) => {
			saves.push(save);
			this.#pending(1);
			void save.then(
				() => {
					if (shot && saves === this.#saves) this.#stored++;
					this.#pending(-1);
				},
				() => this.#pending(-1)
			);
			return save;
		};
		this.#saves = saves;
		// As they were at the press: a setting changed meanwhile applies from the next press on.
		const values = { ...settings.values, ...options.settings };
		const saver = options.event ? this.#saver.forEvent(options.event) : this.#saver;
		return {
			settings: values,
			signal,
			camera: this.#camera,
			shutter: this.#shutter,
			saver,
			countdown: async (minSeconds = 0) => {
				try {
					for (let s = Math.max(values.countdown, minSeconds); s > 0; s--) {
						this.#busy = true;
						this.#remaining = s;
						await sleep(1000, signal);
					}
				} finally {
					this.#remaining = 0;
				}
			},
			wait: (ms) => {
				this.#busy = true;
				return sleep(ms, signal);
			},
			progress: (step) => (this.#shot = step),
			recording: (state) => {
				this.#recording = state;
				// Recording is the press's own time: the shutter stops it (Esc too).
				if (state) this.#busy = true;
			},
			pulse: () => this.#feedback(false),
			filled: (index, still) => {
				void still.thumbnail().then((t) => {
					if (!t || signal !== this.#abort?.signal) return;
					const next = [...this.#filled];
					next[index] = URL.createObjectURL(t.blob);
					this.#filled = next;
				});
			},
			take: () => this.#take().still,
			shoot: () => {
				const { pressed, still } = this.#take();
				const saved = keep(
					still
						.then((s) => saver.savePhoto(s))
						.then((meta) => {
							// Read by `npm run bench`: the shot to the original's transaction complete.
							performance.measure('booth:shutter-to-saved', { start: pressed, end: performance.now(), detail: meta.id });
							return meta;
						}),
					true
				);
				this.#shutter.holdPreview(saved);
				return saved;
			},
			keep: (save) => keep(save)
		};
	}

	/**
	 * The booth's feedback for one shot, then the shutter. Not under the press's signal: a shot
	 * already pressed is finished and saved even if Esc comes a moment later.
	 */
	#take(): { pressed: number; still: ReturnType<Shutter['take']> } {
		// Feedback in the frame of the shot; the still follows.
		const pressed = this.#feedback(true);
		return { pressed, still: this.#shutter.take() };
	}

	/** The shutter's pulse, the screen flash (`flash`, at most three a second) and the click. */
	#feedback(flash: boolean): number {
		const pressed = performance.now();
		this.#presses++;
		if (flash && mayFlash(pressed, this.#lastFlash)) {
			this.#lastFlash = pressed;
			this.#flashes++;
		}
		// Loaded on first use: most people leave the sound off.
		if (settings.values.sound) void import('./shutter-sound').then((m) => m.playShutter());
		requestAnimationFrame(() =>
			performance.measure('booth:shutter-to-feedback', { start: pressed, end: performance.now() })
		);
		return pressed;
	}
}
