/**
 * Keeps the screen on while event mode runs (Screen Wake Lock). The browser drops the lock
 * whenever the page is hidden; it is taken again each time the page is shown again.
 */
export interface Awake {
	/** Whether the screen is being kept on right now. */
	readonly held: boolean;
	release(): void;
}

export function keepAwake(onchange?: (held: boolean) => void): Awake {
	let sentinel: WakeLockSentinel | null = null;
	let stopped = false;
	/** A request under way: the page shown twice in a row asks once. */
	let asking = false;
	const held = () => !!sentinel && !sentinel.released;

	const take = async () => {
		if (stopped || asking || document.visibilityState !== 'visible' || held() || !('wakeLock' in navigator)) return;
		asking = true;
		try {
			const s = await navigator.wakeLock.request('screen');
			if (stopped) return void s.release();
			sentinel = s;
			s.addEventListener('release', () => onchange?.(false));
			onchange?.(true);
		} catch (e) {
			// Refused (battery saver, a hidden page): the screen's own timeout applies; tried again when shown.
			console.warn('The screen could not be kept on:', e);
		} finally {
			asking = false;
		}
	};
	const onvisible = () => void take();
	document.addEventListener('visibilitychange', onvisible);
	window.addEventListener('pageshow', onvisible);
	void take();
	return {
		get held() {
			return held();
		},
		release() {
			stopped = true;
			document.removeEventListener('visibilitychange', onvisible);
			window.removeEventListener('pageshow', onvisible);
			void sentinel?.release().catch(() => undefined);
			sentinel = null;
		}
	};
}

/**
 * Fills the screen where the browser allows (it needs a tap: call it from one). Esc is held by
 * the page where the Keyboard Lock API exists, so a guest's Esc asks for the PIN instead of
 * leaving fullscreen (Chromium leaves it on a long press of Esc).
 */
export async function enterFullscreen(): Promise<void> {
	if (document.fullscreenElement || !document.documentElement.requestFullscreen) return;
	try {
		await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
		const keyboard = (navigator as Navigator & { keyboard?: { lock?: (keys: string[]) => Promise<void> } }).keyboard;
		await keyboard?.lock?.(['Escape']).catch(() => undefined);
	} catch {
		// Not allowed here (an iPhone's Safari, a page not shown in a tap): the booth runs in the window.
	}
}

export function leaveFullscreen(): void {
	(navigator as Navigator & { keyboard?: { unlock?: () => void } }).keyboard?.unlock?.();
	if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
