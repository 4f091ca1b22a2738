/**
 * What a guest can press besides the screen: keys (presentation clickers and Bluetooth shutter
 * buttons act as keyboards, sending PageDown, Enter or Space) and any button of a gamepad or an
 * arcade button board (Gamepad API, polled only while one is connected).
 */

/** The keys that act as the booth's one button. */
export const TRIGGER_KEYS: readonly string[] = [' ', 'Enter', 'PageDown'];

/** Whether this key press is the booth's button (a repeat from a held key is not). */
export function isTriggerKey(e: Pick<KeyboardEvent, 'key' | 'repeat' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean {
	return !e.repeat && !e.altKey && !e.ctrlKey && !e.metaKey && TRIGGER_KEYS.includes(e.key);
}

/**
 * Whether a key press belongs to the element with the focus rather than to the booth: Space and
 * Enter on a control reached from the keyboard (:focus-visible) do what that control does (Tab
 * users). A button that has the focus only because a finger tapped it does not take the
 * clicker's keys over; PageDown never goes to a control.
 */
export function ownedByFocus(e: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
	if (e.key === 'PageDown') return false;
	const el = e.target as Element | null;
	const control = el?.closest?.('button, a[href], input, select, textarea, [role="button"], [contenteditable="true"]');
	if (!control) return false;
	return control.matches('input, select, textarea, [contenteditable="true"]') || control.matches(':focus-visible');
}

/** Buttons that went down since the last poll, given each pad's buttons then and now. */
export function newPresses(before: readonly boolean[] | undefined, now: readonly boolean[]): number {
	let n = 0;
	for (let i = 0; i < now.length; i++) if (now[i] && !before?.[i]) n++;
	return n;
}

/**
 * Calls `onpress` once for each gamepad button pressed down. Polls every `ms` while a pad is
 * connected and the page is shown; returns the stop function.
 */
export function watchGamepads(onpress: () => void, ms = 50): () => void {
	if (typeof navigator.getGamepads !== 'function') return () => undefined;
	const last = new Map<number, boolean[]>();
	let timer: ReturnType<typeof setInterval> | undefined;
	const poll = () => {
		let any = false;
		for (const pad of navigator.getGamepads()) {
			if (!pad) continue;
			any = true;
			const now = pad.buttons.map((b) => b.pressed);
			const pressed = newPresses(last.get(pad.index), now);
			// A pad seen for the first time with a button down does not shoot: it was held before.
			if (pressed && last.has(pad.index)) onpress();
			last.set(pad.index, now);
		}
		if (!any) stop();
	};
	const start = () => {
		if (timer === undefined) timer = setInterval(poll, ms);
		poll();
	};
	const stop = () => {
		clearInterval(timer);
		timer = undefined;
	};
	window.addEventListener('gamepadconnected', start);
	if ([...navigator.getGamepads()].some(Boolean)) start();
	return () => {
		stop();
		window.removeEventListener('gamepadconnected', start);
	};
}
