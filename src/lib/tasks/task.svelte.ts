/**
 * The one long job at a time (export, backup, import): what it is, how far it got, and a way to
 * cancel it. The gallery shows it as a progress bar with a Cancel button.
 */
import { isAbort } from '$lib/abort';

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
		try {
			return await job({
				signal: controller.signal,
				progress: (done, t) => {
					this.#done = done;
					if (t !== undefined) this.#total = t;
				}
			});
		} catch (e) {
			if (controller.signal.aborted || isAbort(e)) return undefined;
			throw e;
		} finally {
			this.#controller = null;
		}
	}

	cancel(): void {
		this.#controller?.abort();
	}
}

export const task = new Task();
