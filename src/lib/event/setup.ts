/**
 * Event mode's data: what the host sets up (what guests get, how long the booth waits, printing),
 * the running event (with its PIN's hash and the wrong tries), and the list of past events. Pure,
 * so it is unit-tested without a browser; event.svelte.ts keeps it in localStorage.
 */

/** What a guest's press makes. */
export type GuestMode = 'photo' | 'strip' | 'gif' | 'boomerang';
export const GUEST_MODES: readonly { id: GuestMode; label: string; action: string }[] = [
	{ id: 'photo', label: 'Photo', action: 'Take photo' },
	{ id: 'strip', label: 'Strip', action: 'Take strip' },
	{ id: 'gif', label: 'GIF', action: 'Make GIF' },
	{ id: 'boomerang', label: 'Boomerang', action: 'Make boomerang' }
];

export const EVENT_COUNTDOWNS = [0, 3, 5, 10] as const;
export const IDLE_SECONDS = { min: 10, max: 300, step: 5 } as const;
export const COPIES = { min: 1, max: 10 } as const;
export const PRINT_LIMIT = { min: 0, max: 9999 } as const;
export const EVENT_NAME_MAX = 60;
/** A PIN: 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;

export interface EventSetup {
	/** Shown to the host, used to group the event's photos and name its ZIP. */
	name: string;
	mode: GuestMode;
	/** Seconds of countdown before a guest's shot. */
	countdown: number;
	/** Seconds without a touch before the booth goes back to its attract screen. */
	idleSeconds: number;
	/** Guests may print their result (a Print button after Keep). */
	printing: boolean;
	/** Print by itself after Keep. */
	autoPrint: boolean;
	/** Copies per print. */
	copies: number;
	/** The most copies printed in this event; 0: no limit. */
	printLimit: number;
}

export const SETUP_DEFAULTS: Readonly<EventSetup> = Object.freeze({
	name: '',
	mode: 'strip',
	countdown: 3,
	idleSeconds: 30,
	printing: false,
	autoPrint: false,
	copies: 1,
	printLimit: 0
});

/** An event under way. */
export interface RunningEvent extends EventSetup {
	id: string;
	startedAt: number;
	/** The PIN as a salted SHA-256, hex; the PIN itself is never stored. */
	pinSalt: string;
	pinHash: string;
	/** Copies printed so far. */
	prints: number;
	/** Wrong PINs in a row, and until when no PIN is taken (ms since the epoch). */
	failures: number;
	lockedUntil: number;
}

/** An event in the list of events (the gallery groups photos by it). */
export interface EventRecord {
	id: string;
	name: string;
	mode: GuestMode;
	startedAt: number;
	endedAt?: number;
	prints: number;
}

const clampInt = (v: unknown, min: number, max: number, fallback: number): number =>
	typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

const isMode = (v: unknown): v is GuestMode => GUEST_MODES.some((m) => m.id === v);

/** A setup from anything stored or typed: each field that does not fit takes its default. */
export function validSetup(raw: unknown): EventSetup {
	const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const d = SETUP_DEFAULTS;
	return {
		name: typeof o.name === 'string' ? o.name.trim().slice(0, EVENT_NAME_MAX) : d.name,
		mode: isMode(o.mode) ? o.mode : d.mode,
		countdown: (EVENT_COUNTDOWNS as readonly number[]).includes(o.countdown as number) ? (o.countdown as number) : d.countdown,
		idleSeconds: clampInt(o.idleSeconds, IDLE_SECONDS.min, IDLE_SECONDS.max, d.idleSeconds),
		printing: typeof o.printing === 'boolean' ? o.printing : d.printing,
		autoPrint: typeof o.autoPrint === 'boolean' ? o.autoPrint : d.autoPrint,
		copies: clampInt(o.copies, COPIES.min, COPIES.max, d.copies),
		printLimit: clampInt(o.printLimit, PRINT_LIMIT.min, PRINT_LIMIT.max, d.printLimit)
	};
}

/** A running event from storage, or null where what is stored is not one (it cannot be trusted to lock). */
export function validRunning(raw: unknown): RunningEvent | null {
	if (!raw || typeof raw !== 'object') return null;
	const o = raw as Record<string, unknown>;
	const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{16,128}$/.test(v);
	if (typeof o.id !== 'string' || !o.id || !hex(o.pinSalt) || !hex(o.pinHash)) return null;
	return {
		...validSetup(o),
		id: o.id,
		startedAt: clampInt(o.startedAt, 0, Number.MAX_SAFE_INTEGER, 0),
		pinSalt: o.pinSalt as string,
		pinHash: o.pinHash as string,
		prints: clampInt(o.prints, 0, Number.MAX_SAFE_INTEGER, 0),
		failures: clampInt(o.failures, 0, 1000, 0),
		lockedUntil: clampInt(o.lockedUntil, 0, Number.MAX_SAFE_INTEGER, 0)
	};
}

/** The list of events from storage; entries that do not fit are dropped. */
export function validRecords(raw: unknown): EventRecord[] {
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((o: Record<string, unknown>) =>
		o && typeof o.id === 'string' && typeof o.name === 'string' && typeof o.startedAt === 'number'
			? [
					{
						id: o.id,
						name: o.name.slice(0, EVENT_NAME_MAX),
						mode: isMode(o.mode) ? o.mode : SETUP_DEFAULTS.mode,
						startedAt: o.startedAt,
						...(typeof o.endedAt === 'number' ? { endedAt: o.endedAt } : {}),
						prints: clampInt(o.prints, 0, Number.MAX_SAFE_INTEGER, 0)
					}
				]
			: []
	);
}

/** The event's name, or one made from its date when the host gave none. */
export function eventName(name: string, startedAt: number): string {
	return name.trim() || `Event of ${new Date(startedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

const hexOf = (bytes: ArrayBuffer | Uint8Array) =>
	Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** A fresh random salt, hex. */
export function newSalt(): string {
	return hexOf(crypto.getRandomValues(new Uint8Array(16)));
}

/** The PIN's salted SHA-256, hex. */
export async function hashPin(pin: string, salt: string): Promise<string> {
	return hexOf(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${pin}`)));
}

/** Wrong PINs taken before the pad waits. */
export const FREE_TRIES = 3;
/** The first wait, ms; it doubles with each wrong PIN after that, up to MAX_WAIT. */
export const FIRST_WAIT = 30_000;
export const MAX_WAIT = 15 * 60_000;

/** After one more wrong PIN: the failures and until when the pad waits. */
export function afterWrongPin(failures: number, now: number): { failures: number; lockedUntil: number } {
	const n = failures + 1;
	const wait = n < FREE_TRIES ? 0 : Math.min(MAX_WAIT, FIRST_WAIT * 2 ** (n - FREE_TRIES));
	return { failures: n, lockedUntil: wait ? now + wait : 0 };
}

/** Whether the copies fit under the event's print limit (0: no limit). */
export function printsLeft(event: Pick<RunningEvent, 'prints' | 'printLimit'>): number {
	return event.printLimit ? Math.max(0, event.printLimit - event.prints) : Infinity;
}

/**
 * Whether an item of the event is a guest's result (what the guest gallery and the slideshow
 * show): a strip's single shots and a boomerang's GIF beside it are kept, but are not results.
 */
export function isResult(meta: { kind?: string; event?: string }, event: Pick<RunningEvent, 'id' | 'mode'>): boolean {
	if (meta.event !== event.id) return false;
	return event.mode === 'photo' ? !meta.kind : meta.kind === event.mode;
}

/** The one item of a press to show a guest: its strip, its clip, else its photo. */
export function resultOf<T extends { kind?: string }>(saved: readonly T[], mode: GuestMode): T | undefined {
	return (mode === 'photo' ? undefined : saved.find((m) => m.kind === mode)) ?? saved[0];
}
