/**
 * Short notices at the bottom of the screen, with an optional action (Undo, Retry, Reload).
 * The one place errors that are not tied to a page region are shown.
 */
export interface ToastAction {
	label: string;
	run: () => void | Promise<void>;
}

export interface Toast {
	id: number;
	message: string;
	kind: 'info' | 'error';
	action?: ToastAction;
}

let nextId = 1;

class Toasts {
	#items = $state<Toast[]>([]);
	#timers = new Map<number, ReturnType<typeof setTimeout>>();

	get items(): Toast[] {
		return this.#items;
	}

	/** Shows a toast; it closes itself after `ms` (0 keeps it until dismissed). */
	show(message: string, opts: { kind?: Toast['kind']; action?: ToastAction; ms?: number } = {}): number {
		const id = nextId++;
		this.#items.push({ id, message, kind: opts.kind ?? 'info', action: opts.action });
		const ms = opts.ms ?? (opts.kind === 'error' ? 8000 : 4000);
		if (ms > 0) this.#timers.set(id, setTimeout(() => this.dismiss(id), ms));
		return id;
	}

	error(message: string, action?: ToastAction): number {
		return this.show(message, { kind: 'error', action });
	}

	dismiss(id: number): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		this.#items = this.#items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();

/** One sink for unexpected errors: logged for developers, shown in words for people. */
export function reportError(e: unknown, what: string): void {
	console.error(what, e);
	const detail = e instanceof Error && e.message ? ` ${e.message}` : '';
	toasts.error(`${what}.${detail}`);
}
