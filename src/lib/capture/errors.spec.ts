import { describe, expect, it } from 'vitest';
import {
	CameraBusyError,
	CameraError,
	CameraLostError,
	CaptureFailedError,
	ConstraintError,
	NoCameraError,
	PermissionDeniedError,
	UnsupportedError,
	toCameraError
} from './errors';

describe('toCameraError', () => {
	const cases: [string, new (...args: never[]) => CameraError, string][] = [
		['NotAllowedError', PermissionDeniedError, 'permission-denied'],
		['PermissionDeniedError', PermissionDeniedError, 'permission-denied'],
		['SecurityError', PermissionDeniedError, 'permission-denied'],
		['NotFoundError', NoCameraError, 'no-camera'],
		['DevicesNotFoundError', NoCameraError, 'no-camera'],
		['NotReadableError', CameraBusyError, 'camera-busy'],
		['TrackStartError', CameraBusyError, 'camera-busy'],
		['OverconstrainedError', ConstraintError, 'constraints'],
		['ConstraintNotSatisfiedError', ConstraintError, 'constraints'],
		['TypeError', UnsupportedError, 'unsupported'],
		['SomethingElseError', CaptureFailedError, 'capture-failed'],
		['UnknownError', CaptureFailedError, 'capture-failed']
	];

	it.each(cases)('maps {name: %s} to %o', (name, Class, kind) => {
		const input = { name };
		const err = toCameraError(input);
		expect(err).toBeInstanceOf(Class);
		expect(err).toBeInstanceOf(CameraError);
		expect(err).toBeInstanceOf(Error);
		expect(err.kind).toBe(kind);
		expect(err.name).toBe(Class.name);
		expect(err.cause).toBe(input);
	});

	it('maps real DOMExceptions by name', () => {
		expect(toCameraError(new DOMException('denied', 'NotAllowedError'))).toBeInstanceOf(
			PermissionDeniedError
		);
		expect(toCameraError(new DOMException('none', 'NotFoundError'))).toBeInstanceOf(NoCameraError);
		expect(toCameraError(new DOMException('busy', 'NotReadableError'))).toBeInstanceOf(
			CameraBusyError
		);
	});

	it('maps a real TypeError to UnsupportedError', () => {
		const err = toCameraError(new TypeError('navigator.mediaDevices is undefined'));
		expect(err).toBeInstanceOf(UnsupportedError);
		expect(err.retryable).toBe(false);
	});

	it('names the refused constraint in the message', () => {
		const err = toCameraError({ name: 'OverconstrainedError', constraint: 'deviceId' });
		expect(err).toBeInstanceOf(ConstraintError);
		expect(err.message).toContain('(deviceId)');
		expect(err.message).toMatch(/^The camera refused the requested settings \(deviceId\)\. /);
	});

	it('leaves the constraint out of the message when there is none', () => {
		const err = toCameraError({ name: 'OverconstrainedError' });
		expect(err).toBeInstanceOf(ConstraintError);
		expect(err.message).toMatch(/^The camera refused the requested settings\. /);
		expect(err.message).not.toContain('(');
	});

	it('leaves out a constraint that is not a non-empty string', () => {
		for (const constraint of [undefined, '', 3]) {
			const err = toCameraError({ name: 'OverconstrainedError', constraint });
			expect(err.message).toMatch(/^The camera refused the requested settings\. /);
		}
	});

	it('maps things without a string name to CaptureFailedError', () => {
		for (const e of [undefined, null, 'NotAllowedError', 42, {}, { name: 7 }, new Error('boom')]) {
			const err = toCameraError(e);
			expect(err).toBeInstanceOf(CaptureFailedError);
			expect(err.cause).toBe(e);
		}
	});

	it('passes CameraError instances through unchanged', () => {
		const errors = [
			new PermissionDeniedError(),
			new NoCameraError(),
			new CameraBusyError(),
			new ConstraintError('width'),
			new CameraLostError(),
			new UnsupportedError(),
			new CaptureFailedError()
		];
		for (const e of errors) expect(toCameraError(e)).toBe(e);
	});

	it('gives every error a non-empty title and message and a distinct kind', () => {
		const errors: CameraError[] = [
			new PermissionDeniedError(),
			new NoCameraError(),
			new CameraBusyError(),
			new ConstraintError(),
			new ConstraintError('frameRate'),
			new CameraLostError(),
			new UnsupportedError(),
			new CaptureFailedError(),
			...cases.map(([name]) => toCameraError({ name }))
		];
		for (const e of errors) {
			expect(typeof e.title).toBe('string');
			expect(e.title.trim().length).toBeGreaterThan(0);
			expect(typeof e.message).toBe('string');
			expect(e.message.trim().length).toBeGreaterThan(0);
			expect(e.message).not.toContain('undefined');
		}
		const kinds = new Set(
			[
				new PermissionDeniedError(),
				new NoCameraError(),
				new CameraBusyError(),
				new ConstraintError(),
				new CameraLostError(),
				new UnsupportedError(),
				new CaptureFailedError()
			].map((e) => e.kind)
		);
		expect(kinds.size).toBe(7);
	});

	it('marks only UnsupportedError as not retryable', () => {
		expect(new UnsupportedError().retryable).toBe(false);
		for (const e of [
			new PermissionDeniedError(),
			new NoCameraError(),
			new CameraBusyError(),
			new ConstraintError(),
			new CameraLostError(),
			new CaptureFailedError()
		]) {
			expect(e.retryable).toBe(true);
		}
	});

	it('keeps the cause passed to the constructor', () => {
		const cause = new Error('root');
		expect(new CameraLostError({ cause }).cause).toBe(cause);
		expect(new ConstraintError('width', { cause }).cause).toBe(cause);
	});
});
