/**
 * Typed camera errors. DOMException names from getUserMedia, applyConstraints and ImageCapture
 * are translated here and nowhere else, so every part of the app speaks of the same few failures
 * and each one carries a message a person can act on.
 */

export type CameraErrorKind =
	| 'permission-denied'
	| 'no-camera'
	| 'camera-busy'
	| 'constraints'
	| 'camera-lost'
	| 'unsupported'
	| 'capture-failed'
	| 'control-refused'
	| 'other-tab';

export abstract class CameraError extends Error {
	abstract readonly kind: CameraErrorKind;
	/** A short heading for the alert. */
	abstract readonly title: string;
	/** Whether trying again without changing anything can help. */
	readonly retryable: boolean = true;

	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = new.target.name;
	}
}

export class PermissionDeniedError extends CameraError {
	readonly kind = 'permission-denied';
	readonly title = 'Camera access is blocked';
	constructor(options?: { cause?: unknown }) {
		super(
			'Allow the camera for this site: click the camera or lock icon in the address bar, ' +
				'choose Allow for Camera, then press Retry. Your gallery and settings still work.',
			options
		);
	}
}

export class NoCameraError extends CameraError {
	readonly kind = 'no-camera';
	readonly title = 'No camera found';
	constructor(options?: { cause?: unknown }) {
		super(
			'Connect a camera (or turn it on in your system settings), then press Retry.',
			options
		);
	}
}

export class CameraBusyError extends CameraError {
	readonly kind = 'camera-busy';
	readonly title = 'The camera is in use';
	constructor(options?: { cause?: unknown }) {
		super(
			'Another app or browser tab is using the camera. Close it, then press Retry.',
			options
		);
	}
}

export class ConstraintError extends CameraError {
	readonly kind = 'constraints';
	readonly title = 'The camera cannot do that';
	constructor(detail?: string, options?: { cause?: unknown }) {
		super(
			`The camera refused the requested settings${detail ? ` (${detail})` : ''}. ` +
				'Pick another camera or resolution in Settings, then press Retry.',
			options
		);
	}
}

export class CameraLostError extends CameraError {
	readonly kind = 'camera-lost';
	readonly title = 'The camera stopped';
	constructor(options?: { cause?: unknown }) {
		super(
			'The camera was disconnected or switched off. Reconnect it, then press Retry.',
			options
		);
	}
}

export class UnsupportedError extends CameraError {
	readonly kind = 'unsupported';
	readonly title = 'This browser cannot use a camera here';
	override readonly retryable = false;
	constructor(options?: { cause?: unknown }) {
		super(
			'Camera access needs a secure (https) page in a current browser. Open the booth over ' +
				'https or from localhost in Chrome, Edge, Firefox or Safari.',
			options
		);
	}
}

export class CaptureFailedError extends CameraError {
	readonly kind = 'capture-failed';
	readonly title = 'The photo could not be taken';
	constructor(options?: { cause?: unknown }) {
		super('The camera gave no picture. Wait a moment and press the shutter again.', options);
	}
}

/**
 * This browser cannot make the moving picture asked for (no video encoder for a boomerang, no
 * MediaRecorder for a video). Said before anything is recorded, so nothing is lost.
 */
export class CannotRecordError extends CameraError {
	readonly kind = 'unsupported';
	readonly title = 'This browser cannot record that';
	readonly retryable = false;
	constructor(what: 'boomerang' | 'video', options?: { cause?: unknown }) {
		super(
			what === 'boomerang'
				? 'Boomerangs need a browser that can encode video (Chrome, Edge, Firefox 130 or newer, Safari 16.4 or newer). GIF mode works here.'
				: 'Videos need a browser that can record one (Chrome, Edge, Firefox or Safari 14.1 or newer). GIF mode works here.',
			options
		);
	}
}

/**
 * The booth is open in another tab that has the camera: one tab at a time uses it. Retry here
 * takes it over (that tab lets go and says so).
 */
export class CameraInOtherTabError extends CameraError {
	readonly kind = 'other-tab';
	readonly title: string;
	constructor(taken: boolean) {
		super(
			taken
				? 'You opened the camera in another tab of the booth, so this one let go of it. Press Use camera here to bring it back.'
				: 'The booth is open in another tab and using the camera there. Press Use camera here to move it to this tab, or close the other one.'
		);
		this.title = taken ? 'The camera moved to another tab' : 'The camera is in use in another tab';
	}
}

/** The camera would not take a control's value; the control is back where it was. */
export class ControlRefusedError extends CameraError {
	readonly kind = 'control-refused';
	readonly title = 'The camera refused that setting';
	constructor(control: string, options?: { cause?: unknown }) {
		super(`The camera did not accept that ${control.toLowerCase()} value, so it is back where it was.`, options);
	}
}

function domName(e: unknown): string | undefined {
	if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') return e.name;
	return undefined;
}

/** Translates anything getUserMedia or a track can throw into a CameraError. */
export function toCameraError(e: unknown): CameraError {
	if (e instanceof CameraError) return e;
	switch (domName(e)) {
		case 'NotAllowedError':
		case 'PermissionDeniedError':
		case 'SecurityError':
			return new PermissionDeniedError({ cause: e });
		case 'NotFoundError':
		case 'DevicesNotFoundError':
			return new NoCameraError({ cause: e });
		case 'NotReadableError':
		case 'TrackStartError':
		case 'AbortError':
			return new CameraBusyError({ cause: e });
		case 'OverconstrainedError':
		case 'ConstraintNotSatisfiedError': {
			const raw = e && typeof e === 'object' && 'constraint' in e ? e.constraint : undefined;
			const constraint = typeof raw === 'string' && raw ? raw : undefined;
			return new ConstraintError(constraint, { cause: e });
		}
		case 'TypeError':
			return new UnsupportedError({ cause: e });
		default:
			return new CaptureFailedError({ cause: e });
	}
}
