/**
 * The capture modes, in the order the mode switch shows them. A new mode is a file in this
 * folder and one line here.
 */
import { boomerang } from './boomerang';
import { burst } from './burst';
import { gif } from './gif';
import { photo } from './photo';
import { strip } from './strip';
import { video } from './video';
import type { CaptureMode } from './types';

export type { CaptureMode, ModeContext, Recording } from './types';

export const MODES: readonly CaptureMode[] = [photo, burst, strip, gif, boomerang, video];

/** The mode with this id, or Photo (a setting from a newer version, or a mode since removed). */
export function modeById(id: string): CaptureMode {
	return MODES.find((m) => m.id === id) ?? MODES[0];
}
