/**
 * The one long job at a time (export, backup, import): what it is, how far it got, and a way to
 * cancel it. The gallery shows it as a progress bar with a Cancel button.
 */
import { isAbort } from '$lib/abort';

/** How often progress is shown, at most. */
const PROGRESS_MS = 200;

export interface TaskContext {
	signal: AbortSignal;
	progress(done: number, total?: number): void;
}

class Task {
	#label = $state('');
	#done = $state(0);
	#total = $state(0);
	#controller = $state.raw<AbortController | null>(null);

	get running(): boolean {
		return this.#controller !== null;
	}
	get label(): string {
		return this.#label;
	}
	get done(): number {
		return this.#done;
	}
	get total(): number {
		return this.#total;
	}

	/**
	 * Runs a job with progress and cancel. Resolves to its result, or to undefined when it was
	 * cancelled (AbortError is not a failure); other errors are rethrown for the caller to show.
	 */
	async run<T>(label: string, total: number, job: (ctx: TaskContext) => Promise<T>): Promise<T | undefined> {
		if (this.#controller) throw new Error('Another export or import is still running.');
		const controller = new AbortController();
		this.#controller = controller;
		this.#label = label;
		this.#done = 0;
		this.#total = total;
		// Shown a few times a second, not per file: a bar redrawn for each of thousands of photos
		// kept the page painting all through an import.
		let shown: ReturnType<typeof setTimeout> | undefined;
		let latest = { done: 0, total };
		const show = () => {
			shown = undefined;
			this.#done = latest.done;
			this.#total = latest.total;
		};
		try {
			return await job({
				signal: controller.signal,
				progress: (done, t) => {
					latest = { done, total: t ?? latest.total };
					shown ??= setTimeout(show, PROGRESS_MS);
				}
			});
		} catch (e) {
			if (controller.signal.aborted || isAbort(e)) return undefined;
			throw e;
		} finally {
			clearTimeout(shown);
			show();
			this.#controller = null;
		}
	}

	cancel(): void {
		this.#controller?.abort();
	}
}

export const task = new Task();
