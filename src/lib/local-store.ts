/**
 * Everything the booth keeps in localStorage, by key, and the one safe way to read and write it:
 * a browser may refuse storage (blocked, private mode, full), and then the booth runs on its
 * defaults instead of failing.
 */
export const STORE_KEYS = {
	/** The settings (settings.svelte.ts). */
	settings: 'photobooth.settings',
	/** The last answer to the pan-tilt-zoom permission, '1' or '0' (camera-device.ts). */
	ptzAllowed: 'photobooth.ptz-allowed',
	/** '1' once persistent storage was asked for after the first photo (storage.svelte.ts). */
	persistAsked: 'photobooth.persist-asked',
	/** '1' once every original was moved to a Blob (upgrade.ts). */
	originalsUpgraded: 'photobooth.originals-upgraded',
	/** The event under way, while event mode is on (event/event.svelte.ts). */
	event: 'photobooth.event',
	/** The event mode form's last values, and the list of events (event/event.svelte.ts). */
	eventSetup: 'photobooth.event-setup',
	events: 'photobooth.events'
} as const;

export type StoreKey = (typeof STORE_KEYS)[keyof typeof STORE_KEYS];

/** The stored text, or null where there is none or storage is refused. */
export function readLocal(key: StoreKey): string | null {
	try {
		return globalThis.localStorage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

/** Stores the text (null removes it); false where storage refused it. */
export function writeLocal(key: StoreKey, value: string | null): boolean {
	try {
		if (value === null) globalThis.localStorage?.removeItem(key);
		else globalThis.localStorage?.setItem(key, value);
		return !!globalThis.localStorage;
	} catch {
		return false;
	}
}
