/**
 * The camera page's keyboard shortcuts: the page dispatches from this list and the help overlay
 * shows it. Each registered capture mode with a key adds its own.
 */
import { MODES } from '$lib/capture/modes';
import { letter, type Shortcut } from '$lib/ui/keys';

export { shortcutFor } from '$lib/ui/keys';

export type CameraAction = 'shoot' | 'countdown' | 'switch' | 'mirror' | 'effects' | 'help' | 'cancel' | `mode:${string}`;

export const CAMERA_SHORTCUTS: readonly Shortcut<CameraAction>[] = [
	{ action: 'shoot', keys: [' ', 'Enter', 'PageDown', 'ArrowRight'], description: 'Take a photo (a presentation clicker works too)' },
	{ action: 'countdown', keys: letter('t'), description: 'Countdown: off, 3, 5, 10 seconds' },
	...MODES.filter((m) => m.key).map(
		(m): Shortcut<CameraAction> => ({
			action: `mode:${m.id}`,
			keys: letter(m.key!),
			description: m.id === 'photo' ? `${m.label} mode` : `${m.label} mode (again: back to Photo)`
		})
	),
	{ action: 'switch', keys: letter('c'), description: 'Switch camera' },
	{ action: 'mirror', keys: letter('m'), description: 'Mirror the preview' },
	{ action: 'effects', keys: letter('e'), description: 'Effects' },
	{ action: 'cancel', keys: ['Escape'], description: 'Cancel a countdown or the shots still to come, close a panel' },
	{ action: 'help', keys: ['?'], description: 'Show these shortcuts' }
];
