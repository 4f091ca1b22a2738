/**
 * The camera asked for before the app has loaded. An inline script in app.html makes the same
 * getUserMedia request the engine would (the remembered camera, the same constraints) as soon as
 * the camera page's HTML is parsed, so the camera starts while the app's code is still on its
 * way; the engine takes the stream over on its first start. Measured here, the request came
 * 230-490 ms after navigation when it waited for the app, and about 60 ms when made inline.
 */
import { closeStream } from './camera-device';

interface EarlyCamera {
	deviceId: string;
	stream: Promise<MediaStream>;
}

declare global {
	interface Window {
		__boothEarlyCamera?: EarlyCamera;
	}
}

/**
 * The early request, once (later starts ask afresh), if it was for `deviceId`; one for another
 * camera is let go. Undefined when there is none.
 */
export function takeEarlyStream(deviceId: string): Promise<MediaStream> | undefined {
	if (typeof window === 'undefined') return undefined;
	const early = window.__boothEarlyCamera;
	window.__boothEarlyCamera = undefined;
	if (!early) return undefined;
	if (early.deviceId === deviceId) return early.stream;
	dropEarly(early.stream);
	return undefined;
}

/** Lets an early stream go (not used after all). */
export function dropEarly(stream: Promise<MediaStream> | undefined): void {
	stream?.then(closeStream, () => {});
}

/**
 * The early stream, or undefined when it failed in a way the engine's own request may not
 * (a constraint, a camera busy a moment ago: the engine walks its ladder). A refusal is the
 * person's answer and is not asked again.
 */
export async function earlyOrNothing(stream: Promise<MediaStream>): Promise<MediaStream | undefined> {
	try {
		return await stream;
	} catch (e) {
		if ((e as Error)?.name === 'NotAllowedError' || (e as Error)?.name === 'SecurityError') throw e;
		return undefined;
	}
}
