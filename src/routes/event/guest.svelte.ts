/**
 * The guests' loop, beside the page that shows it: attract screen (the live preview, or a
 * slideshow of the event's results after a while idle) -> one big shutter -> the press with its
 * countdown -> the result, with Keep and Retake -> Print (when the host allows) -> back to the
 * attract screen, by Done or after the idle time. Every touch or trigger restarts the idle time.
 */
import { booth } from '$lib/capture/engine';
import type { PhotoMeta } from '$lib/photos/types';
import { settings } from '$lib/settings/settings.svelte';
import { isResult, resultOf, type RunningEvent } from '$lib/event/setup';
import { isAbort } from '$lib/abort';
import { StorageFullError } from '$lib/photos/repository';

export type GuestScreen = 'attract' | 'ready' | 'busy' | 'result';

/** How many results the slideshow and the guest gallery read at most (newest first). */
export const RESULTS_KEPT = 500;

const repository = () => import('$lib/photos/repository').then((m) => m.photos);

export class GuestLoop {
	#event: () => RunningEvent | null;
	#screen = $state<GuestScreen>('attract');
	/** The attract screen shows the slideshow (it has been idle a while, and there are results). */
	#slideshow = $state(false);
	/** What the last press saved, and the one shown. */
	#saved = $state.raw<PhotoMeta[]>([]);
	#result = $state.raw<PhotoMeta | null>(null);
	#kept = $state(false);
	/** The event's results, newest first (ids), for the slideshow and the guest gallery. */
	#results = $state.raw<PhotoMeta[]>([]);
	/** Words for the guest (a failed shot, the print limit). */
	#message = $state('');
	#idle: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(event: () => RunningEvent | null) {
		this.#event = event;
	}

	get screen(): GuestScreen {
		return this.#screen;
	}
	get slideshow(): boolean {
		return this.#slideshow;
	}
	get result(): PhotoMeta | null {
		return this.#result;
	}
	get kept(): boolean {
		return this.#kept;
	}
	get results(): readonly PhotoMeta[] {
		return this.#results;
	}
	get message(): string {
		return this.#message;
	}
	set message(text: string) {
		this.#message = text;
	}

	/** Reads the event's results (at the start, and after another tab changed them). */
	async load(): Promise<void> {
		const event = this.#event();
		if (!event) return;
		const items = await (await repository()).page(RESULTS_KEPT * 8, undefined, { event: event.id });
		this.#results = items.filter((m) => isResult(m, event)).slice(0, RESULTS_KEPT);
		this.touch();
	}

	/** A touch or a trigger: the guest is still there. */
	touch(): void {
		clearTimeout(this.#idle);
		if (this.#stopped) return;
		const event = this.#event();
		if (!event || this.#screen === 'busy') return;
		const ms = event.idleSeconds * 1000;
		if (this.#screen === 'attract') {
			// The attract screen turns to a slideshow of the evening after the same idle time.
			if (!this.#slideshow && this.#results.length) this.#idle = setTimeout(() => (this.#slideshow = true), ms);
		} else {
			this.#idle = setTimeout(() => this.toAttract(), ms);
		}
	}

	/** The one button: whatever the screen's main action is (a clicker, a gamepad, Space). */
	primary(): void {
		if (this.#screen === 'attract') this.start();
		else if (this.#screen === 'ready') void this.shoot();
		else if (this.#screen === 'result') {
			if (!this.#kept) this.keep();
			else this.toAttract();
		}
	}

	start(): void {
		this.#slideshow = false;
		this.#message = '';
		this.#screen = 'ready';
		this.touch();
	}

	/** One guest press with the event's mode; its result is shown with Keep and Retake. */
	async shoot(): Promise<void> {
		const event = this.#event();
		if (!event || this.#screen !== 'ready' || booth.busy) return;
		this.#screen = 'busy';
		this.#message = '';
		clearTimeout(this.#idle);
		const result = await booth.trigger({
			mode: event.mode,
			event: event.id,
			settings: {
				countdown: event.countdown,
				// A strip without its own caption carries the event's name.
				caption: settings.values.caption || event.name
			}
		});
		if (this.#stopped) return;
		// A guest gets words, not the camera page's toasts (which offer a photo that could not be
		// stored as a download, and would pile up all night): the host reads the console.
		for (const e of result.failed) if (!isAbort(e)) console.error('A guest shot failed:', e);
		const full = result.failed.some((e) => e instanceof StorageFullError);
		const shown = resultOf(result.saved, event.mode);
		if (!shown) {
			this.#message = result.cancelled
				? ''
				: full
					? 'The booth has run out of space. Please ask the host.'
					: 'That did not work. Please try again.';
			this.#screen = 'ready';
		} else {
			this.#saved = result.saved;
			this.#result = shown;
			this.#kept = false;
			this.#screen = 'result';
		}
		this.touch();
	}

	/** Keeps the result (it is already stored): it joins the slideshow; Print and Done follow. */
	keep(): PhotoMeta | null {
		const shown = this.#result;
		if (!shown || this.#kept) return null;
		this.#kept = true;
		this.#results = [shown, ...this.#results.filter((m) => m.id !== shown.id)].slice(0, RESULTS_KEPT);
		this.touch();
		return shown;
	}

	/** Deletes the result (everything the press stored) and goes back to the shutter. */
	async retake(): Promise<void> {
		const gone = this.#saved;
		this.#saved = [];
		this.#result = null;
		this.#kept = false;
		this.#screen = 'ready';
		this.touch();
		const ids = new Set(gone.map((m) => m.id));
		this.#results = this.#results.filter((m) => !ids.has(m.id));
		try {
			const photos = await repository();
			for (const meta of gone) await photos.delete(meta.id);
		} catch (e) {
			// Kept rather than lost: the host finds it in the gallery under the event.
			console.error('A retaken result could not be deleted:', e);
		}
	}

	/** Back to the attract screen (Done, or the idle time ran out: a result not chosen is kept). */
	toAttract(): void {
		if (this.#screen === 'busy') return;
		if (this.#screen === 'result' && !this.#kept) this.keep();
		this.#saved = [];
		this.#result = null;
		this.#kept = false;
		this.#message = '';
		this.#screen = 'attract';
		this.touch();
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#idle);
		booth.cancel();
	}
}
