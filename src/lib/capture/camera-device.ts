/**
 * Opening, listing and closing cameras. Everything that can fail here throws a CameraError.
 */
import { readLocal, STORE_KEYS, writeLocal } from '$lib/local-store';
import { constraintLadder } from './constraints';
import { ConstraintError, NoCameraError, UnsupportedError, toCameraError } from './errors';

export interface CameraInfo {
	deviceId: string;
	/** A label a person recognises; browsers hide real labels until permission is given. */
	label: string;
	/** Which way it faces, where the device says so. */
	facing?: 'user' | 'environment';
}

/** Whether the browser lets this page ask for pan, tilt and zoom (the person has not refused). */
async function queryPtz(): Promise<boolean> {
	try {
		const status = await navigator.permissions.query({
			name: 'camera',
			panTiltZoom: true
		} as unknown as PermissionDescriptor);
		return status.state !== 'denied';
	} catch {
		return false; // no pan-tilt-zoom permission in this browser
	}
}

/**
 * Whether to ask for pan, tilt and zoom: only where the person has not refused them. The
 * permission query answers slowly while the app starts (30-50 ms measured, queued behind the
 * page's first work), so the answer of the last visit is used when there is one, and the query
 * only refreshes it. A stale yes costs one refused request, retried without them (openCamera).
 */
function mayAskPtz(): Promise<boolean> {
	const fresh = queryPtz().then((allowed) => {
		// Kept for the next visit; where storage is blocked every visit asks.
		writeLocal(STORE_KEYS.ptzAllowed, allowed ? '1' : '0');
		return allowed;
	});
	const last = readLocal(STORE_KEYS.ptzAllowed);
	return last === null ? fresh : Promise.resolve(last === '1');
}

function mediaDevices(): MediaDevices {
	if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
		throw new UnsupportedError();
	}
	return navigator.mediaDevices;
}

/**
 * Opens a camera, preferring `deviceId`. Walks the constraint ladder so that a camera that has
 * gone away, or cannot meet the preferred size, still gives the person a preview; only a refusal
 * or a missing/busy camera is reported.
 */
export async function openCamera(deviceId: string, signal?: AbortSignal): Promise<MediaStream> {
	const devices = mediaDevices();
	let ptz = await mayAskPtz();
	let last: unknown;
	for (const rung of constraintLadder(deviceId)) {
		signal?.throwIfAborted();
		try {
			let stream: MediaStream;
			try {
				// Asking for pan/tilt/zoom exposes them on cameras that have them, once allowed.
				const video = ptz ? { ...rung, pan: true, tilt: true, zoom: true } : rung;
				stream = await devices.getUserMedia({ video, audio: false });
			} catch (e) {
				// Where pan/tilt/zoom is not granted, asking for it fails the whole request with
				// NotAllowedError: ask again for the plain camera, and stop asking for it.
				if (!ptz || (e as Error)?.name !== 'NotAllowedError') throw e;
				ptz = false;
				stream = await devices.getUserMedia({ video: rung, audio: false });
			}
			if (signal?.aborted) {
				closeStream(stream);
				signal.throwIfAborted();
			}
			return stream;
		} catch (e) {
			if (signal?.aborted) throw e;
			const err = toCameraError(e);
			// Only a constraint that cannot be met is worth a looser retry; an exact deviceId that
			// no longer exists shows up as OverconstrainedError or NotFoundError.
			const looser =
				err instanceof ConstraintError || (err instanceof NoCameraError && !!deviceId);
			if (!looser) throw err;
			last = err;
		}
	}
	throw toCameraError(last);
}

/** Stops every track, releasing the camera (and its light). */
export function closeStream(stream: MediaStream | null | undefined): void {
	stream?.getTracks().forEach((t) => t.stop());
}

/** The video inputs, labelled "Camera 1", "Camera 2"… where the browser hides the real label. */
export async function listCameras(): Promise<CameraInfo[]> {
	if (typeof navigator === 'undefined' || !navigator.mediaDevices?.enumerateDevices) return [];
	const all = await navigator.mediaDevices.enumerateDevices();
	return all
		.filter((d) => d.kind === 'videoinput')
		.map((d, i) => {
			const caps = (d as InputDeviceInfo).getCapabilities?.() as MediaTrackCapabilities | undefined;
			const facing = caps?.facingMode?.find((f) => f === 'user' || f === 'environment');
			const fallback = facing === 'user' ? 'Front camera' : facing === 'environment' ? 'Back camera' : `Camera ${i + 1}`;
			return { deviceId: d.deviceId, label: d.label || fallback, facing: facing as CameraInfo['facing'] };
		});
}

/** Whether the stream's camera faces the person (so the preview should be a mirror). */
export function facesUser(track: MediaStreamTrack | undefined): boolean {
	const facing = track?.getSettings().facingMode;
	// Laptops and desktop webcams report nothing; they face the person.
	return facing === undefined || facing === '' || facing === 'user';
}
