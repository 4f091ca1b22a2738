/**
 * What the open camera can adjust (the rules are data, in controls.ts): its capabilities, its photo capabilities, the controls it
 * really has with their current values, and Reset. Values a person sets are kept within the
 * camera's limits, applied to the track, and remembered per camera.
 */
import { settings } from '$lib/settings/settings.svelte';
import type { ControlValue } from '$lib/settings/schema';
import type { Camera } from './camera.svelte';
import type { PhotoCaps, PhotoSettingsIn } from './constraints';
import type { ControlSpec } from './controls';
import { ControlRefusedError } from './errors';
import { readPhotoCapabilities } from './image-capture';

/** The pure controls module loads once a camera is open: the first frame does not need it. */
type ControlsModule = typeof import('./controls');

export class CameraControls {
	#capabilities = $state.raw<MediaTrackCapabilities | null>(null);
	#photoCaps = $state.raw<PhotoCaps | undefined>(undefined);
	#knownPhotoCaps = $state.raw<PhotoCaps | undefined>(undefined);
	#specs = $state.raw<ControlSpec[]>([]);
	#values = $state.raw<Record<string, ControlValue>>({});
	#camera: Camera;
	#ctl: ControlsModule | undefined;
	/** The track's own values when opened: what Reset returns to. */
	#defaults: Record<string, ControlValue> = {};

	constructor(camera: Camera) {
		this.#camera = camera;
		camera.onStream((track) => (track ? this.#setUp(track) : this.#clear()));
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
	get specs(): ControlSpec[] {
		return this.#specs;
	}
	/** The controls' current values. */
	get values(): Record<string, ControlValue> {
		return this.#values;
	}

	/** The photo controls' values as takePhoto() settings (flash, red-eye). */
	photoSettings(): PhotoSettingsIn {
		return this.#ctl?.photoControlSettings(this.#specs, this.#values) ?? {};
	}

	/**
	 * Sets one camera control. The value is clamped to the camera's range first; a value the
	 * camera refuses is reverted and reported with ControlRefusedError, the preview untouched.
	 */
	async apply(key: string, value: ControlValue): Promise<void> {
		const track = this.#camera.track;
		const spec = this.#specs.find((c) => c.key === key);
		const ctl = this.#ctl;
		if (!track || !spec || !ctl) return;
		const clamped = ctl.clampControl(spec, value);
		if (clamped === undefined) return;
		const before = this.#values;
		const next: Record<string, ControlValue> = { ...before, [key]: clamped };
		// Leaving manual mode drops the manual values that depended on it.
		for (const dep of this.#specs) {
			if (dep.requires?.key === key && clamped !== dep.requires.value) delete next[dep.key];
			if (spec.requires && dep.key === spec.requires.key && dep.options?.includes(spec.requires.value)) {
				next[dep.key] = spec.requires.value;
			}
		}
		this.#values = next;
		if (spec.target === 'track') {
			try {
				await track.applyConstraints({ advanced: [ctl.trackConstraints(this.#specs, { [key]: clamped })] });
				// Read back what the camera really did (it may round to its own step).
				this.#values = { ...next, ...ctl.currentValues([spec], track.getSettings() as Record<string, unknown>) };
			} catch (e) {
				this.#values = before;
				throw new ControlRefusedError(spec.label, { cause: e });
			}
		}
		this.#remember();
	}

	/** Returns every control to the camera's own defaults and forgets what was remembered. */
	async reset(): Promise<void> {
		const track = this.#camera.track;
		const id = track?.getSettings().deviceId;
		const ctl = this.#ctl;
		if (!track || !id || !ctl) return;
		settings.clearControls(id);
		const defaults = this.#defaults;
		try {
			await track.applyConstraints({ advanced: [ctl.trackConstraints(this.#specs, defaults)] });
		} catch (e) {
			throw new ControlRefusedError('Reset', { cause: e });
		} finally {
			this.#values = { ...defaults, ...ctl.currentValues(this.#specs, track.getSettings() as Record<string, unknown>) };
		}
	}

	#clear(): void {
		this.#capabilities = null;
		this.#photoCaps = undefined;
		this.#specs = [];
		this.#values = {};
	}

	/** Finds the camera's controls, keeps its defaults, and re-applies what was remembered. */
	async #setUp(track: MediaStreamTrack): Promise<void> {
		this.#capabilities = track.getCapabilities?.() ?? null;
		const [caps, ctl] = await Promise.all([readPhotoCapabilities(track), this.#ctl ?? import('./controls')]);
		this.#ctl = ctl;
		if (this.#camera.track !== track) return;
		this.#photoCaps = caps;
		if (caps) this.#knownPhotoCaps = caps;
		const specs = ctl.availableControls(this.#capabilities as Record<string, unknown> | null, caps);
		this.#specs = specs;
		this.#defaults = ctl.currentValues(specs, track.getSettings() as Record<string, unknown>);
		const id = track.getSettings().deviceId ?? '';
		const remembered = settings.controlsFor(id);
		const values: Record<string, ControlValue> = { ...this.#defaults };
		for (const spec of specs) {
			const v = ctl.clampControl(spec, remembered[spec.key]);
			if (v !== undefined) values[spec.key] = v;
		}
		const constraints = ctl.trackConstraints(specs, remembered);
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
		this.#values = { ...values, ...ctl.currentValues(specs, track.getSettings() as Record<string, unknown>) };
	}

	#remember(): void {
		const id = this.#camera.track?.getSettings().deviceId;
		if (!id) return;
		for (const spec of this.#specs) {
			const v = this.#values[spec.key];
			// Only what differs from the camera's own default is worth remembering.
			settings.setControl(id, spec.key, v === this.#defaults[spec.key] ? undefined : v);
		}
	}
}
