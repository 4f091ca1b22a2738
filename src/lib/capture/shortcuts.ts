/**
 * The camera page's keyboard shortcuts, as data: the page dispatches, the help overlay lists.
 */
export type ShortcutAction = 'shoot' | 'countdown' | 'switch' | 'mirror' | 'burst' | 'help' | 'cancel';

export interface Shortcut {
	keys: string[];
	/** How the keys are shown in the help. */
	label: string;
	action: ShortcutAction;
	description: string;
}

export const SHORTCUTS: Shortcut[] = [
	{ keys: [' ', 'Enter', 'PageDown', 'ArrowRight'], label: 'Space, Enter, Page Down, →', action: 'shoot', description: 'Take a photo (a presentation clicker works too)' },
	{ keys: ['t', 'T'], label: 'T', action: 'countdown', description: 'Countdown: off, 3, 5, 10 seconds' },
	{ keys: ['b', 'B'], label: 'B', action: 'burst', description: 'Burst on or off' },
	{ keys: ['c', 'C'], label: 'C', action: 'switch', description: 'Switch camera' },
	{ keys: ['m', 'M'], label: 'M', action: 'mirror', description: 'Mirror the preview' },
	{ keys: ['Escape'], label: 'Esc', action: 'cancel', description: 'Cancel a countdown or burst, close a panel' },
	{ keys: ['?'], label: '?', action: 'help', description: 'Show these shortcuts' }
];

/** True where keys belong to what has focus: text fields, selects, sliders, editable content. */
export function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	if (target instanceof HTMLInputElement) return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type);
	return false;
}

/** The action for a key press, or undefined. Space and Enter on a focused control are its own. */
export function shortcutFor(e: KeyboardEvent): ShortcutAction | undefined {
	if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return undefined;
	const action = SHORTCUTS.find((s) => s.keys.includes(e.key))?.action;
	const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, a, [role="button"]');
	if (action === 'shoot' && onControl && (e.key === ' ' || e.key === 'Enter')) return undefined;
	return action;
}
