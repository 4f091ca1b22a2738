/**
 * Cancelling long jobs: an AbortError means the person cancelled, never that something failed.
 * The one test for it and the one way to make one.
 */

/** True for the rejection an AbortSignal produces: a cancellation, not a failure. */
export function isAbort(e: unknown): boolean {
	return !!e && typeof e === 'object' && 'name' in e && e.name === 'AbortError';
}

/** The error a cancelled job ends with. */
export function abortError(message = 'Cancelled'): DOMException {
	return new DOMException(message, 'AbortError');
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
