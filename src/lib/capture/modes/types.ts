/**
 * A capture mode: one way of shooting (a photo, a burst, later a strip, a GIF, a clip). A mode
 * is given what one press needs (the booth's countdown, its shot with flash and sound, the
 * shutter and the saver) and runs that press to its end. It is one file plus one line in
 * modes/index.ts: the mode switch, the shortcuts and the help list what is registered there.
 */
import type { Component } from 'svelte';
import type { BoothSettings } from '$lib/settings/schema';
import type { PhotoMeta } from '$lib/photos/types';
import type { Camera } from '../camera.svelte';
import type { Saver } from '../saver';
import type { Shutter, Still } from '../shutter.svelte';

/** What one press can use. Waits reject with AbortError once the person cancels (Esc). */
export interface ModeContext {
	/** The booth's settings as they were at the press. */
	readonly settings: Readonly<BoothSettings>;
	/** Aborts when the person cancels: stop taking shots (what was taken is still saved). */
	readonly signal: AbortSignal;
	/** The live camera: its stream (to record a clip), its track, whether it faces the person. */
	readonly camera: Camera;
	/** Takes stills without the booth's feedback and without saving them (frames for a clip). */
	readonly shutter: Shutter;
	/** Stores what the mode makes (the only writer). */
	readonly saver: Saver;
	/** The countdown, big on screen: the countdown setting, or at least `minSeconds`. */
	countdown(minSeconds?: number): Promise<void>;
	/** Waits `ms` (between a burst's shots, say). */
	wait(ms: number): Promise<void>;
	/** "2 of 4" on screen and to screen readers; null clears it. */
	progress(step: { index: number; total: number } | null): void;
	/** A recording under way on screen and to screen readers (see Recording); null ends it. */
	recording(state: Recording | null): void;
	/**
	 * The booth's feedback for a press that takes no still (a recording starting): the shutter's
	 * pulse and its click, without the screen flash.
	 */
	pulse(): void;
	/** Shows shot `index`'s still in its cell of the guide over the viewfinder (a strip's). */
	filled(index: number, still: Still): void;
	/**
	 * One shot with the booth's feedback (the shutter's pulse, the screen flash, the click).
	 * Resolves with the still once it is taken; it is not saved.
	 */
	take(): Promise<Still>;
	/**
	 * One shot, saved as a photo: take() then saver.savePhoto(). Returns at once with the save,
	 * which runs on while the mode goes on; the booth waits for every save before it reports.
	 */
	shoot(): Promise<PhotoMeta>;
	/** Hands the booth any other save to wait for and report (a composite, a clip). */
	keep(save: Promise<PhotoMeta>): Promise<PhotoMeta>;
}

/** What the screen shows while a mode records (a GIF's frames, a clip). */
export interface Recording {
	/** What is being made: "GIF", "Boomerang", "Video". */
	label: string;
	/** How far along, 0..1. */
	done: number;
	/** A clip with a time limit: ms recorded so far, and the limit (a timer shows them; Stop ends it). */
	elapsed?: number;
	limit?: number;
}

export interface CaptureMode {
	/** Stored in settings (`mode`): keep it stable. */
	id: string;
	/** Its name in the mode switch, which is also the option's accessible name. */
	label: string;
	/** The key that selects it on the camera page (shown in the help), if any. */
	key?: string;
	/** One line for the help and the switch's tooltip. */
	description: string;
	/**
	 * Its icon, loaded after the camera shows (the icons are decorative: the switch is usable
	 * by its names at once, and the camera's first load stays small).
	 */
	icon: () => Promise<{ default: Component<{ 'aria-hidden'?: boolean | 'true' | 'false' }> }>;
	/** A short note beside its name while chosen (e.g. "×4"), from the settings. */
	badge?(settings: Readonly<BoothSettings>): string | undefined;
	/** Runs one press: countdown, shots, saves. Cancelling rejects a wait with AbortError. */
	run(ctx: ModeContext): Promise<void>;
}
