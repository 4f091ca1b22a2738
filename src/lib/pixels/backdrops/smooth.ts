/**
 * A live mask smoothed over time, so a person's edge does not flicker from frame to frame: each
 * new mask is blended into the running one, slowly where they nearly agree (the flicker) and
 * quickly where they differ a lot (someone moved: the mask must not trail behind them). Pure.
 */

/** How much of a new mask's value is taken where it is close to the running one, and where far. */
export const STEADY = 0.45;
export const MOVING = 0.9;
/** A change of more than this (of 255) counts as movement. */
export const MOVED = 96;

/** Blends the alpha of `next` (RGBA) into `running` (RGBA) in place; returns `running`. */
export function smoothMask(running: Uint8ClampedArray, next: Uint8ClampedArray): Uint8ClampedArray {
	for (let i = 3; i < running.length; i += 4) {
		const was = running[i];
		const d = next[i] - was;
		running[i] = was + d * (d > MOVED || d < -MOVED ? MOVING : STEADY);
	}
	return running;
}
