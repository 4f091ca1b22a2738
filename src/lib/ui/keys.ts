/**
 * Keyboard shortcuts as data: each names its keys once, and the label a help list shows is
 * made from those keys, so what the help says and what the page does cannot drift apart.
 */

export interface Shortcut<A extends string = string> {
	action: A;
	/** KeyboardEvent.key values; letters in both cases. */
	keys: readonly string[];
	/** What it does, in a few words. */
	description: string;
}

const KEY_NAMES: Record<string, string> = {
	' ': 'Space',
	Enter: 'Enter',
	Escape: 'Esc',
	PageDown: 'Page Down',
	PageUp: 'Page Up',
	ArrowRight: '→',
	ArrowLeft: '←',
	ArrowUp: '↑',
	ArrowDown: '↓'
};

/** How a key is written for people: "Space", "→", "T" (a letter's two cases are one key). */
export function keyLabel(key: string): string {
	return KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** A shortcut's keys as the help lists them: "Space, Enter, Page Down, →". */
export function keysLabel(shortcut: Shortcut): string {
	return [...new Set(shortcut.keys.map(keyLabel))].join(', ');
}

/** A letter key in both cases, as Shortcut.keys wants it. */
export function letter(key: string): string[] {
	return [key.toLowerCase(), key.toUpperCase()];
}

/** True where keys belong to what has focus: text fields, selects, sliders, editable content. */
export function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	if (target instanceof HTMLInputElement) return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(target.type);
	return false;
}

/** Controls that Space and Enter act on when focused: those keys are theirs, not a shortcut's. */
const ACTIVATES = 'button, a, input, [role="button"], [role="radio"], [role="switch"], [role="checkbox"]';
/** Controls the arrow keys move within (a radio group's choice): those keys are theirs too. */
const ARROWED = 'input[type="radio"], [role="radio"], [role="slider"], [role="tab"], [role="option"], [role="menuitem"]';

/**
 * The action a key press asks for, or undefined: none while typing in a field, with a modifier
 * held, for Space and Enter on a focused control (which they press), or for arrow keys on a
 * control that moves with them (a radio group).
 */
export function shortcutFor<A extends string>(e: KeyboardEvent, shortcuts: readonly Shortcut<A>[]): A | undefined {
	if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return undefined;
	const found = shortcuts.find((s) => s.keys.includes(e.key));
	if (!found) return undefined;
	const target = e.target instanceof HTMLElement ? e.target : null;
	if ((e.key === ' ' || e.key === 'Enter') && target?.closest(ACTIVATES)) return undefined;
	if (e.key.startsWith('Arrow') && target?.closest(ARROWED)) return undefined;
	return found.action;
}
