/**
 * The camera asked for before the app has loaded. An inline script in app.html makes the same
 * getUserMedia request the engine would (the remembered camera, the same constraints) as soon as
 * the camera page's HTML is parsed, and claims the camera for this tab (the Web Lock of
 * camera-lock.ts) at the same time, so both are under way while the app's code is still on its
 * way; the engine takes them over on its first start. Measured here: the request came 230-550 ms
 * after navigation when it waited for the app, and 70-110 ms inline; claiming the lock from the
 * app took another 100-190 ms at start-up (the browser is busy then), now overlapped.
 */
import { closeStream } from './camera-device';

/** The camera's claim (camera-lock.ts) taken by the early script: held until `release()`. */
export interface EarlyClaim {
	release(): void;
	/** Settles when the claim ends: resolves once let go, rejects if another tab took it. */
	done: Promise<unknown>;
}

export interface EarlyCamera {
	deviceId: string;
	stream: Promise<MediaStream>;
	/** The claim, or null where it was not had (another tab has the camera, or no Web Locks). */
	lock: Promise<EarlyClaim | null>;
}

declare global {
	interface Window {
		__boothEarlyCamera?: EarlyCamera;
		/** The early view (app.html shows the early stream in a <video> of its own while the app loads). */
		__boothEarlyView?: { end(): void; endWhenShown(video: HTMLVideoElement): void };
		/** Settles once the early view has shown its first frame, or cannot. */
		__boothEarlyShown?: Promise<unknown>;
	}
}

/**
 * Ends the early view: the camera is not going to be shown by the app's preview (another camera
 * chosen, a failure, the page left), or that preview goes.
 */
export function endEarlyView(): void {
	if (typeof window !== 'undefined') window.__boothEarlyView?.end();
}

/** Ends the early view once `video` presents a frame of its stream (3 s at most). */
export function endEarlyViewWhenShown(video: HTMLVideoElement): void {
	if (typeof window !== 'undefined') window.__boothEarlyView?.endWhenShown(video);
}

/**
 * The early request and claim, once (later starts ask afresh), if they were for `deviceId`;
 * ones for another camera are let go. Undefined when there are none.
 */
export function takeEarly(deviceId: string): EarlyCamera | undefined {
	if (typeof window === 'undefined') return undefined;
	const early = window.__boothEarlyCamera;
	window.__boothEarlyCamera = undefined;
	if (!early) return undefined;
	if (early.deviceId === deviceId) return early;
	dropEarly(early.stream);
	releaseEarly(early.lock);
	return undefined;
}

/** Lets an early stream go (not used after all). */
export function dropEarly(stream: Promise<MediaStream> | undefined): void {
	if (!stream) return;
	endEarlyView();
	stream.then(closeStream, () => {});
}

/** Lets an early claim go (not taken over). */
export function releaseEarly(lock: Promise<EarlyClaim | null> | undefined): void {
	void lock?.then((claim) => claim?.release());
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
