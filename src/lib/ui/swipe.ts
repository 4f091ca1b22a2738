/**
 * Sideways swipes: the content follows the finger (or pen, or mouse drag) and, let go far or
 * fast enough, moves to the neighbour; otherwise it springs back. A Svelte action,
 * `use:swipe={{ canPrevious, canNext, onprevious, onnext, onmove }}`. Drags that start on a
 * button are the button's; a mostly vertical drag is a scroll, not a swipe.
 */
export interface SwipeOptions {
	canPrevious: boolean;
	canNext: boolean;
	onprevious: () => void;
	onnext: () => void;
	/** How far the content should follow, px (0 when it springs back); null when no swipe runs. */
	onmove: (dx: number | null) => void;
}

/** Far enough to count, px; or, past MIN_PX, fast enough (px per ms). */
const FAR_PX = 80;
const MIN_PX = 30;
const FAST = 0.5;

/** Where there is nothing to go to, the content follows the finger a quarter as far. */
export function resisted(dx: number, canPrevious: boolean, canNext: boolean): number {
	return (dx > 0 && !canPrevious) || (dx < 0 && !canNext) ? dx / 4 : dx;
}

/** Which way a finished drag goes: -1 (next), 1 (previous) or 0 (springs back). */
export function swipeOutcome(dx: number, ms: number): -1 | 0 | 1 {
	const speed = Math.abs(dx) / Math.max(1, ms);
	const far = Math.abs(dx) > FAR_PX || (Math.abs(dx) > MIN_PX && speed > FAST);
	return far ? (dx < 0 ? -1 : 1) : 0;
}

export function swipe(node: HTMLElement, options: SwipeOptions): { update(o: SwipeOptions): void; destroy(): void } {
	let opts = options;
	let start: { id: number; x: number; y: number; t: number } | null = null;

	const onpointerdown = (e: PointerEvent) => {
		if (e.button !== 0 || (e.target as HTMLElement).closest('button')) return;
		start = { id: e.pointerId, x: e.clientX, y: e.clientY, t: performance.now() };
		opts.onmove(0);
		node.setPointerCapture(e.pointerId);
	};
	const onpointermove = (e: PointerEvent) => {
		if (!start || e.pointerId !== start.id) return;
		const x = e.clientX - start.x;
		// A mostly vertical drag is not a swipe.
		if (Math.abs(e.clientY - start.y) > Math.abs(x) * 1.5 && Math.abs(x) < 24) return;
		opts.onmove(resisted(x, opts.canPrevious, opts.canNext));
	};
	const onpointerup = (e: PointerEvent) => {
		if (!start || e.pointerId !== start.id) return;
		const way = swipeOutcome(e.clientX - start.x, performance.now() - start.t);
		start = null;
		opts.onmove(null);
		if (way < 0 && opts.canNext) opts.onnext();
		else if (way > 0 && opts.canPrevious) opts.onprevious();
	};
	const onpointercancel = () => {
		start = null;
		opts.onmove(null);
	};
	const events: [string, EventListener][] = [
		['pointerdown', onpointerdown as EventListener],
		['pointermove', onpointermove as EventListener],
		['pointerup', onpointerup as EventListener],
		['pointercancel', onpointercancel]
	];
	for (const [type, fn] of events) node.addEventListener(type, fn);
	return {
		update: (o) => (opts = o),
		destroy: () => events.forEach(([type, fn]) => node.removeEventListener(type, fn))
	};
}
