/**
 * Whether the booth is locked for guests: event mode is on and the host has not given the PIN
 * on this visit. Tiny on purpose: every first load asks it (hooks.client.ts); the rest of
 * event mode loads with its own page.
 */
import { readLocal, STORE_KEYS } from '$lib/local-store';

/** The guests' page: the only one reachable while locked. */
export const EVENT_PATH = '/event';

/** What the host unlocked with the PIN, for this visit only (a reload locks again). */
export const host = { unlocked: false };

/** Event mode is on (an event is under way on this device). */
export function eventOn(): boolean {
	return readLocal(STORE_KEYS.event) !== null;
}

/** Guests are in charge: every page but the guests' own needs the PIN. */
export function locked(): boolean {
	return eventOn() && !host.unlocked;
}
