/**
 * Pure conversions from what the person asked for and what the device reports into the
 * constraints and photo settings the browser APIs take. No DOM here, so it is unit-tested in Node.
 */

/** A numeric capability as MediaTrackCapabilities and PhotoCapabilities report it. */
export interface RangeCap {
	min?: number;
	max?: number;
	step?: number;
}

/** The subset of PhotoCapabilities we rely on (the DOM lib does not type ImageCapture). */
export interface PhotoCaps {
	imageWidth?: RangeCap;
	imageHeight?: RangeCap;
	redEyeReduction?: string;
	fillLightMode?: string[];
}

export interface PhotoSettingsOut {
	imageWidth?: number;
	imageHeight?: number;
}

export interface VideoRequest {
	/** A deviceId to open, or '' for the browser's default camera. */
	deviceId: string;
	/** Ask for the exact device; when false, the id is only a preference. */
	exact?: boolean;
}

/** Preview resolution we ask for: large enough for a sharp full-screen preview on desktop. */
export const PREVIEW_IDEAL = { width: 1920, height: 1080 } as const;

/** getUserMedia video constraints for one request. */
export function videoConstraints(req: VideoRequest): MediaTrackConstraints {
	const c: MediaTrackConstraints = {
		width: { ideal: PREVIEW_IDEAL.width },
		height: { ideal: PREVIEW_IDEAL.height }
	};
	if (req.deviceId) c.deviceId = req.exact ? { exact: req.deviceId } : { ideal: req.deviceId };
	else c.facingMode = { ideal: 'user' };
	return c;
}

/**
 * The ladder of constraints to try when opening a camera: the chosen device exactly, then the
 * chosen device as a preference, then any camera. A camera that cannot meet one rung is retried
 * on the next, so a stale device id or an odd camera never leaves the person without a preview.
 */
export function constraintLadder(deviceId: string): MediaTrackConstraints[] {
	const ladder: MediaTrackConstraints[] = [];
	if (deviceId) {
		ladder.push(videoConstraints({ deviceId, exact: true }));
		ladder.push(videoConstraints({ deviceId, exact: false }));
	}
	ladder.push(videoConstraints({ deviceId: '' }));
	ladder.push({});
	return ladder;
}

/**
 * Clamps a value into a reported range and onto its step grid. A range with no bounds leaves
 * the value as it is; a non-finite value falls back to the range's max (or min).
 */
export function clamp(value: number, range: RangeCap | undefined): number {
	if (!range) return value;
	const { min, max, step } = range;
	let v = Number.isFinite(value) ? value : (max ?? min ?? 0);
	if (min !== undefined && v < min) v = min;
	if (max !== undefined && v > max) v = max;
	if (step && step > 0 && min !== undefined) {
		// Floating point steps (0.1) leave dust such as 0.30000000000000004: remove it before
		// comparing with max, or a value at max would lose a whole step.
		v = Number((min + Math.round((v - min) / step) * step).toFixed(10));
		if (max !== undefined && v > max) v = Number((v - step).toFixed(10));
	}
	return v;
}

/** True when a range has both bounds (a fixed-size camera reports min == max, which counts). */
export function isRange(range: RangeCap | undefined): range is Required<Pick<RangeCap, 'min' | 'max'>> & RangeCap {
	return !!range && range.min !== undefined && range.max !== undefined && range.max >= range.min;
}

/**
 * Photo settings for takePhoto(): the requested size (the largest the camera offers when none is
 * asked for), always clamped to the reported ranges, since a camera rejects anything outside them.
 * Width and height are clamped independently: the capabilities report them that way.
 */
export function photoSettings(
	caps: PhotoCaps | undefined,
	wanted?: { width?: number; height?: number }
): PhotoSettingsOut {
	const out: PhotoSettingsOut = {};
	if (!caps) return out;
	if (isRange(caps.imageWidth)) {
		out.imageWidth = clamp(wanted?.width ?? caps.imageWidth.max, caps.imageWidth);
	}
	if (isRange(caps.imageHeight)) {
		out.imageHeight = clamp(wanted?.height ?? caps.imageHeight.max, caps.imageHeight);
	}
	return out;
}

/** The ImageCapture photo settings we use; TypeScript's DOM library does not declare them. */
export interface PhotoSettingsIn {
	imageWidth?: number;
	imageHeight?: number;
	fillLightMode?: string;
	redEyeReduction?: boolean;
}

/**
 * Whether takePhoto() can give more than the frame on screen: more pixels than the live
 * stream, or a flash or red-eye setting. Where it cannot, the live frame is the same photo
 * without takePhoto's cost (Chromium encodes a PNG for it, which we then decode), and two
 * shots a frame apart are never the same picture.
 */
export function takePhotoAdds(settings: PhotoSettingsIn, frameWidth: number, frameHeight: number): boolean {
	if ((settings.fillLightMode && settings.fillLightMode !== 'off') || settings.redEyeReduction) return true;
	const w = settings.imageWidth ?? 0;
	const h = settings.imageHeight ?? 0;
	return w * h > frameWidth * frameHeight;
}
