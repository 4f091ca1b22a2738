import { describe, expect, it } from 'vitest';
import { CameraBusyError, toCameraError } from '$lib/capture/errors';
import { isAbort, sleep } from './abort';

describe('isAbort', () => {
	it('is true for an AbortError from an AbortSignal', () => {
		const c = new AbortController();
		c.abort();
		expect(isAbort(c.signal.reason)).toBe(true);
		expect(isAbort(new DOMException('aborted', 'AbortError'))).toBe(true);
		expect(isAbort({ name: 'AbortError' })).toBe(true);
	});

	it('is false for other errors and non-errors', () => {
		expect(isAbort(new DOMException('denied', 'NotAllowedError'))).toBe(false);
		expect(isAbort(new Error('AbortError'))).toBe(false);
		expect(isAbort(new DOMException('timeout', 'TimeoutError'))).toBe(false);
		expect(isAbort(undefined)).toBe(false);
		expect(isAbort(null)).toBe(false);
		expect(isAbort('AbortError')).toBe(false);
	});

	it('is false for CameraErrors, even one made from an AbortError', () => {
		expect(isAbort(new CameraBusyError())).toBe(false);
		expect(isAbort(toCameraError({ name: 'AbortError' }))).toBe(false);
	});
});

describe('sleep', () => {
	it('resolves after the time, and rejects at once with the reason when aborted', async () => {
		await expect(sleep(1)).resolves.toBeUndefined();
		const c = new AbortController();
		const waiting = sleep(60_000, c.signal);
		c.abort(new DOMException('Cancelled', 'AbortError'));
		await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
		await expect(sleep(1, c.signal)).rejects.toMatchObject({ name: 'AbortError' });
	});
});
