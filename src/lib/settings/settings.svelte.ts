/**
 * The app's settings: typed, validated, persisted in localStorage and kept in step across tabs.
 * Reading a field is reactive, so the capture engine and pages follow changes live.
 */
import { parseStored, validateField, validateSettings, type BoothSettings, type ControlValue } from './schema';

export const STORAGE_KEY = 'photobooth.settings';

function readStorage(): string | null {
	try {
		return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
	} catch {
		return null; // storage disabled: run on defaults
	}
}

export class Settings {
	#values = $state<BoothSettings>(parseStored(readStorage()));

	constructor() {
		if (typeof window !== 'undefined') {
			window.addEventListener('storage', (e) => {
				if (e.key === STORAGE_KEY) this.#values = parseStored(e.newValue);
			});
		}
	}

	get values(): Readonly<BoothSettings> {
		return this.#values;
	}

	get<K extends keyof BoothSettings>(key: K): BoothSettings[K] {
		return this.#values[key];
	}

	/** Sets one field (validated) and saves. */
	set<K extends keyof BoothSettings>(key: K, value: BoothSettings[K]): void {
		const valid = validateField(key, value);
		if (this.#values[key] === valid) return;
		this.#values[key] = valid;
		this.#save();
	}

	/** The remembered controls of one camera. */
	controlsFor(deviceId: string): Readonly<Record<string, ControlValue>> {
		return this.#values.controls[deviceId] ?? {};
	}

	/** Remembers one control's value for a camera (or forgets it with undefined). */
	setControl(deviceId: string, key: string, value: ControlValue | undefined): void {
		if (!deviceId) return;
		const current = { ...(this.#values.controls[deviceId] ?? {}) };
		if (value === undefined) delete current[key];
		else current[key] = value;
		this.#values.controls = validateField('controls', { ...this.#values.controls, [deviceId]: current });
		this.#save();
	}

	/** Forgets every remembered control of a camera (its Reset). */
	clearControls(deviceId: string): void {
		const { [deviceId]: _gone, ...rest } = this.#values.controls;
		this.#values.controls = rest;
		this.#save();
	}

	reset(): void {
		this.#values = validateSettings(undefined);
		this.#save();
	}

	#save(): void {
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify(this.#values));
		} catch {
			// Private mode or a full disk: the setting still applies for this visit.
		}
	}

	/**
	 * Replaces every setting with values from elsewhere (a restored backup), each validated by
	 * set(); fields missing or invalid there fall back to their defaults.
	 */
	replace(raw: unknown): void {
		const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
		for (const key of Object.keys(this.#values) as (keyof BoothSettings)[]) {
			this.set(key, given[key] as never);
		}
	}
}

export const settings = new Settings();
