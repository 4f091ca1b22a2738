/**
 * The event under way, kept in localStorage so a reload (or a guest closing the app) comes back
 * locked: starting and ending it, the PIN (salted hash, wrong tries rate-limited across reloads),
 * the print counter, and the list of events the gallery groups photos by.
 */
import { readLocal, STORE_KEYS, writeLocal } from '$lib/local-store';
import { newPhotoId } from '$lib/photos/ids';
import { host } from './lock';
import {
	afterWrongPin,
	eventName,
	hashPin,
	newSalt,
	PIN_PATTERN,
	printsLeft,
	validRecords,
	validRunning,
	validSetup,
	type EventRecord,
	type EventSetup,
	type RunningEvent
} from './setup';

function readJSON(key: (typeof STORE_KEYS)[keyof typeof STORE_KEYS]): unknown {
	try {
		return JSON.parse(readLocal(key) ?? 'null');
	} catch {
		return null;
	}
}

export type PinCheck = { ok: true } | { ok: false; lockedUntil: number; failures: number };

export class EventHost {
	#running = $state<RunningEvent | null>(validRunning(readJSON(STORE_KEYS.event)));
	#records = $state<EventRecord[]>(validRecords(readJSON(STORE_KEYS.events)));
	#setup = $state<EventSetup>(validSetup(readJSON(STORE_KEYS.eventSetup)));

	/** The event under way, or null. */
	get running(): RunningEvent | null {
		return this.#running;
	}
	/** Every event on this device, newest first. */
	get records(): readonly EventRecord[] {
		return this.#records;
	}
	/** The form's values (the last event's, to start the next one quickly). */
	get setup(): EventSetup {
		return this.#setup;
	}
	set setup(value: EventSetup) {
		this.#setup = validSetup(value);
		writeLocal(STORE_KEYS.eventSetup, JSON.stringify(this.#setup));
	}

	/** Copies the event may still print (Infinity: no limit). */
	get printsLeft(): number {
		return this.#running ? printsLeft(this.#running) : 0;
	}

	#save(event: RunningEvent | null): void {
		this.#running = event;
		writeLocal(STORE_KEYS.event, event ? JSON.stringify(event) : null);
		if (event) this.#record(event.id, (r) => ({ ...r, prints: event.prints }));
	}

	#record(id: string, change: (r: EventRecord) => EventRecord): void {
		this.#records = this.#records.map((r) => (r.id === id ? change(r) : r));
		writeLocal(STORE_KEYS.events, JSON.stringify(this.#records));
	}

	/**
	 * Starts an event with this setup and PIN; from now on only the guests' page is reachable
	 * without the PIN. Throws where storage refuses it (a lock that a reload forgets is no lock).
	 */
	async start(setup: EventSetup, pin: string, now = Date.now()): Promise<RunningEvent> {
		if (!PIN_PATTERN.test(pin)) throw new Error('The PIN must be 4 to 8 digits.');
		this.setup = setup;
		const s = validSetup(setup);
		const pinSalt = newSalt();
		const event: RunningEvent = {
			...s,
			name: eventName(s.name, now),
			id: newPhotoId(),
			startedAt: now,
			pinSalt,
			pinHash: await hashPin(pin, pinSalt),
			prints: 0,
			failures: 0,
			lockedUntil: 0
		};
		this.#records = [{ id: event.id, name: event.name, mode: event.mode, startedAt: now, prints: 0 }, ...this.#records];
		if (!writeLocal(STORE_KEYS.events, JSON.stringify(this.#records)) || !writeLocal(STORE_KEYS.event, JSON.stringify(event))) {
			this.#records = this.#records.slice(1);
			throw new Error('This browser would not keep the event (its storage is blocked), so it could not be locked. Allow site data and try again.');
		}
		this.#running = event;
		host.unlocked = false;
		return event;
	}

	/** Checks the host's PIN. Wrong PINs are counted across reloads; after three the pad waits. */
	async checkPin(pin: string, now = Date.now()): Promise<PinCheck> {
		const event = this.#running;
		if (!event) return { ok: true };
		if (event.lockedUntil > now) return { ok: false, lockedUntil: event.lockedUntil, failures: event.failures };
		if ((await hashPin(pin, event.pinSalt)) === event.pinHash) {
			if (event.failures) this.#save({ ...event, failures: 0, lockedUntil: 0 });
			return { ok: true };
		}
		const next = { ...event, ...afterWrongPin(event.failures, now) };
		this.#save(next);
		return { ok: false, lockedUntil: next.lockedUntil, failures: next.failures };
	}

	/** Counts copies printed (a negative count gives back copies that could not be printed). */
	countPrints(copies: number): void {
		const event = this.#running;
		if (event) this.#save({ ...event, prints: event.prints + copies });
	}

	/** Ends the event: the booth is the host's again; its photos stay grouped under its name. */
	end(now = Date.now()): void {
		const event = this.#running;
		if (!event) return;
		this.#record(event.id, (r) => ({ ...r, endedAt: now, prints: event.prints }));
		this.#save(null);
		host.unlocked = false;
	}

	/** Adds events from a backup to the list (those it already has stay as they are). */
	addRecords(list: readonly EventRecord[]): void {
		const known = new Set(this.#records.map((r) => r.id));
		const added = list.filter((r) => !known.has(r.id));
		if (!added.length) return;
		this.#records = [...this.#records, ...added].sort((a, b) => b.startedAt - a.startedAt);
		writeLocal(STORE_KEYS.events, JSON.stringify(this.#records));
	}

	/** The event's name by its id (for the gallery's groups). */
	nameOf(id: string): string | undefined {
		return this.#records.find((r) => r.id === id)?.name;
	}
}

export const events = new EventHost();
