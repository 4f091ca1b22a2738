/**
 * The camera page's keyboard shortcuts, as data: the page dispatches from here; the help
 * overlay (loaded on demand) describes each action.
 */
export type ShortcutAction = 'shoot' | 'countdown' | 'switch' | 'mirror' | 'burst' | 'help' | 'cancel';

export const SHORTCUT_KEYS: Record<ShortcutAction, string[]> = {
	shoot: [' ', 'Enter', 'PageDown', 'ArrowRight'],
	countdown: ['t', 'T'],
	burst: ['b', 'B'],
	switch: ['c', 'C'],
	mirror: ['m', 'M'],
	cancel: ['Escape'],
	help: ['?']
};

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
	const action = (Object.keys(SHORTCUT_KEYS) as ShortcutAction[]).find((a) => SHORTCUT_KEYS[a].includes(e.key));
	const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, a, [role="button"]');
	if (action === 'shoot' && onControl && (e.key === ' ' || e.key === 'Enter')) return undefined;
	return action;
}
