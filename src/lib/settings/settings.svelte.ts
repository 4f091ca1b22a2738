/**
 * The app's settings: typed, validated, persisted in localStorage and kept in step across tabs.
 * Reading a field is reactive, so the capture engine and pages follow changes live.
 */
import { readLocal, STORE_KEYS, writeLocal } from '$lib/local-store';
import { parseStored, validateField, validateSettings, type BoothSettings, type ControlValue } from './schema';

const KEY = STORE_KEYS.settings;

export class Settings {
	#values = $state<BoothSettings>(parseStored(readLocal(KEY)));

	constructor() {
		if (typeof window !== 'undefined') {
			window.addEventListener('storage', (e) => {
				if (e.key === KEY) this.#values = parseStored(e.newValue);
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
		// Refused (private mode, a full disk): the setting still applies for this visit.
		writeLocal(KEY, JSON.stringify(this.#values));
	}

	/**
	 * Replaces every setting with values from elsewhere (a restored backup, of this version or
	 * an older one): migrated and validated field by field, so what is missing or invalid there
	 * falls back to its default.
	 */
	replace(raw: unknown): void {
		this.#values = validateSettings(raw);
		this.#save();
	}
}

export const settings = new Settings();
