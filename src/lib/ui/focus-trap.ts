/**
 * Keeps Tab inside a modal dialog: from its last control back to its first, and the other way
 * with Shift. A Svelte action: `<div role="dialog" use:trapFocus>`.
 */
const FOCUSABLE = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The controls Tab moves through inside `root`, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

export function trapFocus(node: HTMLElement): { destroy(): void } {
	const onkeydown = (e: KeyboardEvent) => {
		if (e.key !== 'Tab') return;
		const items = focusables(node);
		if (!items.length) return;
		const first = items[0];
		const last = items[items.length - 1];
		const active = document.activeElement;
		if (e.shiftKey && (active === first || active === node)) {
			e.preventDefault();
			last.focus();
		} else if (!e.shiftKey && active === last) {
			e.preventDefault();
			first.focus();
		}
	};
	node.addEventListener('keydown', onkeydown);
	return { destroy: () => node.removeEventListener('keydown', onkeydown) };
}
