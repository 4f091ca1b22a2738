/**
 * A finger held still on an element: how phones enter select mode. A Svelte action,
 * `use:longPress={{ onpress }}`. Touch only (a mouse has its own ways); a finger that moves is
 * scrolling, not holding. The click that ends a hold is swallowed, so it does not also open
 * what was held.
 */
export interface LongPressOptions {
	onpress: () => void;
	/** How long the finger must stay, ms. */
	ms?: number;
}

const MOVE_PX = 10;

export function longPress(node: HTMLElement, options: LongPressOptions): { update(o: LongPressOptions): void; destroy(): void } {
	let opts = options;
	let hold: { timer: ReturnType<typeof setTimeout>; x: number; y: number } | null = null;
	/** Set once a hold fired, so the click that ends it is not taken as a tap. */
	let held = false;

	const end = () => {
		if (hold) clearTimeout(hold.timer);
		hold = null;
	};
	const onpointerdown = (e: PointerEvent) => {
		if (e.pointerType !== 'touch') return;
		held = false;
		end();
		hold = {
			x: e.clientX,
			y: e.clientY,
			timer: setTimeout(() => {
				hold = null;
				held = true;
				navigator.vibrate?.(10);
				opts.onpress();
			}, opts.ms ?? 450)
		};
	};
	const onpointermove = (e: PointerEvent) => {
		if (hold && Math.hypot(e.clientX - hold.x, e.clientY - hold.y) > MOVE_PX) end();
	};
	const onclick = (e: MouseEvent) => {
		if (!held) return;
		held = false;
		e.preventDefault();
		e.stopImmediatePropagation();
	};
	const events: [string, EventListener, boolean?][] = [
		['pointerdown', onpointerdown as EventListener],
		['pointermove', onpointermove as EventListener],
		['pointerup', end],
		['pointercancel', end],
		['contextmenu', ((e: Event) => held && e.preventDefault()) as EventListener],
		// Capturing, so it runs before the element's own click handler.
		['click', onclick as EventListener, true]
	];
	for (const [type, fn, capture] of events) node.addEventListener(type, fn, capture);
	return {
		update: (o) => (opts = o),
		destroy: () => {
			end();
			for (const [type, fn, capture] of events) node.removeEventListener(type, fn, capture);
		}
	};
}
