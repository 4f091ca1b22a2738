/**
 * Which photos are selected in the gallery's select mode. Ranges are worked out on the order
 * the grid shows (newest first), so Shift+click picks exactly what lies between on screen.
 */
export class Selection {
	#active = $state(false);
	#ids = $state.raw<ReadonlySet<string>>(new Set());
	/** The last photo toggled on its own: one end of a Shift range. */
	#anchor: string | null = null;

	get active(): boolean {
		return this.#active;
	}
	get size(): number {
		return this.#ids.size;
	}
	get ids(): ReadonlySet<string> {
		return this.#ids;
	}

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	enter(): void {
		this.#active = true;
	}

	/** Leaves select mode and forgets the selection. */
	exit(): void {
		this.#active = false;
		this.clear();
	}

	clear(): void {
		this.#ids = new Set();
		this.#anchor = null;
	}

	toggle(id: string): void {
		const next = new Set(this.#ids);
		if (!next.delete(id)) next.add(id);
		this.#ids = next;
		this.#anchor = id;
	}

	/**
	 * Selects every photo from the anchor to `id` (inclusive) in `order`; with no anchor (or one
	 * no longer shown) it toggles `id` alone.
	 */
	selectRange(id: string, order: readonly { id: string }[], indexOf: (id: string) => number): void {
		const from = this.#anchor === null ? -1 : indexOf(this.#anchor);
		const to = indexOf(id);
		if (from < 0 || to < 0) return this.toggle(id);
		const next = new Set(this.#ids);
		for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(order[i].id);
		this.#ids = next;
	}

	selectAll(order: readonly { id: string }[]): void {
		this.#active = true;
		this.#ids = new Set(order.map((p) => p.id));
	}

	/** Drops ids that are no longer shown (deleted, or hidden by a filter). */
	keepOnly(shown: (id: string) => boolean): void {
		if ([...this.#ids].every(shown)) return;
		this.#ids = new Set([...this.#ids].filter(shown));
	}
}

export const selection = new Selection();
