/**
 * The screen flash at most three times a second (WCAG 2.3.1, Three Flashes): presses faster than
 * that still get their own feedback on the shutter button, but the full-screen white does not
 * strobe. It also spares a software-composited screen a full repaint every frame of a burst.
 */
export const MIN_FLASH_GAP_MS = 334;

/** Whether a press at `now` may flash the screen, given when the last flash started. */
export function mayFlash(now: number, lastFlash: number | undefined): boolean {
	return lastFlash === undefined || now - lastFlash >= MIN_FLASH_GAP_MS;
}
