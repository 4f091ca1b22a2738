/**
 * A refresh asked for many times in a row (once per photo of an import of thousands) runs once
 * at a time: calls while it runs ask for one more run after it (after `gapMs`), not one each.
 */
export function coalesce(run: () => Promise<void>, { gapMs = 0 } = {}): () => Promise<void> {
	let running: Promise<void> | null = null;
	let again = false;
	const loop = async () => {
		try {
			do {
				again = false;
				await run();
				// A pause before running again, for a refresh that costs (the storage estimate).
				if (again && gapMs) await new Promise((r) => setTimeout(r, gapMs));
			} while (again);
		} finally {
			running = null;
		}
	};
	return () => {
		if (running) again = true;
		else running = loop();
		return running;
	};
}
