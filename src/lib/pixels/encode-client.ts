/**
 * Encoding a canvas off the page's thread, behind a small bridge to encode-worker.ts.
 *
 * The worker is started early (warmEncoder, once the camera is live) and used only once it
 * has answered: a browser without module workers, OffscreenCanvas in workers or
 * transferToImageBitmap keeps encoding on the page, as before. A job the worker could not do
 * rejects with EncoderUnavailableError before anything is lost: the caller still has the
 * frame and encodes it on the page.
 */
import type { EncodeFormat, EncodeReply, EncodeRequest, EncodedThumbnail, StillJob } from './encode-protocol';
import type { BackdropRef } from './recipe-data';

export type { EncodedThumbnail, EncodeFormat, StillJob };

export class EncoderUnavailableError extends Error {
	override name = 'EncoderUnavailableError';
	/** A still the worker drew but could not encode: its pixels, for the page to encode. */
	pixels?: ImageBitmap;
}

/** postMessage refused the job (e.g. a DataCloneError): nothing reached the worker. */
class NotSentError extends EncoderUnavailableError {}

interface Pending {
	resolve: (reply: EncodeReply) => void;
	reject: (e: Error) => void;
	/** A still's frame is drawn in the worker (before its answer). */
	onDrawn?: () => void;
}

/** How long a starting worker has to answer before the page encodes on its own. */
const START_MS = 5000;

let worker: Worker | null = null;
let ready: Promise<Worker | null> | null = null;
let nextId = 1;
/** A still could not be posted (a browser that cannot transfer a VideoFrame): stills stay on the page. */
let stillsRefused = false;
const pending = new Map<number, Pending>();
/** Stills sent to the worker that it has not drawn yet (each holds a camera frame). */
let undrawn = 0;

/** How many stills wait in the worker to be drawn: each holds one of the camera's few frames. */
export function stillsWaitingToDraw(): number {
	return undrawn;
}
/** Stills sent to the worker that it has not answered yet (drawn or not). */
let stillsOut = 0;

/**
 * Whether the worker has a still in hand, to draw or to encode (not a model or an effect to
 * load): the live backdrop holds off meanwhile, on two cores it would slow the shot.
 */
export function stillsInHand(): boolean {
	return stillsOut > 0 || coming > 0;
}

/** Stills pressed for and not yet sent (their frame and backdrop being got ready on the page). */
let coming = 0;

/**
 * Says a still is on its way, from the press on, so the live backdrop holds off from then (see
 * stillsInHand); call the function it returns once the still is sent, or given up.
 */
export function stillComing(): () => void {
	coming++;
	inHand();
	let done = false;
	const release = () => {
		if (!done) coming--;
		done = true;
		clearTimeout(timer);
		inHand();
	};
	// A save that never settles (a blocked upgrade, a stalled disk) does not hold the preview for good.
	const timer = setTimeout(release, COMING_MAX_MS);
	return release;
}

/** The longest a still on its way counts as in hand. */
const COMING_MAX_MS = 3000;

/** Since when stills have been in hand without a break (undefined: none is). */
let handSince: number | undefined;
function inHand(): void {
	if (!stillsInHand()) handSince = undefined;
	else handSince ??= performance.now();
}

/** How long at a stretch the effect preview holds its frame for stills in hand. */
const HOLD_MS = 400;

/**
 * Whether the effect preview holds its last frame now: a still is in hand, and has been for less
 * than HOLD_MS. Without a GPU the preview's WebGL draws shared the machine with the still's own
 * (a Sepia shot took 230 ms, 170 ms held); the flash covers the preview meanwhile. In a burst the
 * preview goes on after that, so people see themselves between shots.
 */
export function previewHolds(): boolean {
	return handSince !== undefined && performance.now() - handSince < HOLD_MS;
}
/** Stills whose thumbnail is still coming, by job id. */
const thumbnails = new Map<number, (t: EncodedThumbnail | undefined) => void>();

function supported(): boolean {
	return (
		typeof Worker === 'function' &&
		typeof OffscreenCanvas === 'function' &&
		'transferToImageBitmap' in OffscreenCanvas.prototype
	);
}

/** Everything waiting on a worker that is gone is told so; the next job starts afresh. */
function fail(w: Worker, why: string): void {
	if (worker === w) {
		worker = null;
		ready = null;
	}
	w.terminate();
	for (const p of pending.values()) p.reject(new EncoderUnavailableError(why));
	pending.clear();
	for (const done of thumbnails.values()) done(undefined);
	thumbnails.clear();
}

function send(w: Worker, msg: EncodeRequest, transfer: Transferable[] = [], onDrawn?: () => void): Promise<EncodeReply> {
	return new Promise((resolve, reject) => {
		pending.set(msg.id, { resolve, reject, onDrawn });
		try {
			w.postMessage(msg, transfer);
		} catch (e) {
			pending.delete(msg.id);
			reject(new NotSentError(String(e)));
		}
	});
}

/** Starts the worker (once); resolves to it when it has answered, or null where it cannot run. */
export function warmEncoder(): Promise<Worker | null> {
	if (ready) return ready;
	if (!supported()) return (ready = Promise.resolve(null));
	ready = (async () => {
		let w: Worker;
		try {
			w = new Worker(new URL('./encode-worker.ts', import.meta.url), { type: 'module', name: 'encode' });
		} catch {
			return null;
		}
		w.onmessage = (event: MessageEvent<EncodeReply>) => {
			const { id } = event.data;
			const p = pending.get(id);
			if (event.data.kind === 'drawn') return p?.onDrawn?.();
			if (event.data.kind === 'thumbnail' || event.data.kind === 'failed') {
				thumbnails.get(id)?.(event.data.kind === 'thumbnail' ? event.data.thumbnail : undefined);
				thumbnails.delete(id);
				if (event.data.kind === 'thumbnail') return;
			}
			pending.delete(id);
			p?.resolve(event.data);
		};
		w.onerror = (event) => {
			event.preventDefault();
			fail(w, event.message || 'The encode worker stopped.');
		};
		w.onmessageerror = () => fail(w, 'The encode worker could not read a message.');
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			const answered = await Promise.race([
				send(w, { id: nextId++, kind: 'ping' }).then(() => true),
				new Promise<false>((r) => (timer = setTimeout(() => r(false), START_MS)))
			]);
			if (!answered) {
				fail(w, 'The encode worker did not start.');
				return null;
			}
		} catch {
			return null;
		} finally {
			clearTimeout(timer);
		}
		worker = w;
		return w;
	})();
	return ready;
}

/**
 * Gets an effect's shader ready in the worker (making a WebGL context and compiling a shader
 * take about a second here without a GPU): called when an effect is chosen, before any shot.
 */
export async function warmEffect(effect: string): Promise<void> {
	const w = await warmEncoder();
	if (w) await send(w, { id: nextId++, kind: 'ping', effect }).catch(() => {});
}

/**
 * Gets backdrops ready in the worker (the segmentation model loads in a few hundred ms), with
 * "Your photo"'s picture (transferred), so the first still with the backdrop does not wait.
 */
export async function warmBackdrop(ref: BackdropRef, image?: ImageBitmap): Promise<Worker | null> {
	const w = await warmEncoder();
	if (!w) {
		image?.close();
		return null;
	}
	await send(w, { id: nextId++, kind: 'ping', backdrop: { ref, ...(image ? { image } : {}) } }, image ? [image] : []).catch(() => {});
	return w;
}

/** The encode worker now running, if any (a new one after a crash knows nothing of the last). */
export function currentEncoder(): Worker | null {
	return worker;
}

function closeQuietly(pixels: { close(): void }): void {
	try {
		pixels.close();
	} catch {
		// transferred or closed already
	}
}

/** Whether stills (camera frames) can be drawn in the worker: it is up and takes VideoFrames. */
export function canDrawInWorker(): boolean {
	return worker !== null && !stillsRefused;
}

/** Whether the worker is up: encodeInWorker can be tried without waiting for it to start. */
export function encoderReady(): boolean {
	return worker !== null;
}

/**
 * Encodes the canvas in the worker. The canvas's pixels move to the worker (the canvas is left
 * blank, its size unchanged). Rejects with EncoderUnavailableError when the worker is not up
 * or failed the job, so the caller can encode its own copy on the page.
 */
export async function encodeInWorker(canvas: OffscreenCanvas, type: string, quality: number): Promise<Blob> {
	const w = worker;
	if (!w) throw new EncoderUnavailableError('The encode worker is not running.');
	const bitmap = canvas.transferToImageBitmap();
	const answer = await send(w, { id: nextId++, kind: 'encode', bitmap, type, quality }, [bitmap]).catch((e: unknown) => {
		closeQuietly(bitmap);
		throw e;
	});
	if (answer.kind === 'encoded') return answer.blob;
	throw new EncoderUnavailableError(answer.kind === 'failed' ? answer.message : 'Unexpected answer.');
}

/**
 * Draws (by the job's recipe), encodes and makes the thumbnail of a camera frame in the worker. The frame given is
 * transferred (closed here); pass a clone to keep one. `onDrawn` is called as soon as the
 * worker has the pixels, before the encode. Rejects with EncoderUnavailableError
 * when the worker is not up or could not do it.
 */
export async function stillInWorker(
	frame: VideoFrame,
	job: StillJob,
	onDrawn?: () => void
): Promise<{ blob: Blob; thumbnail: Promise<EncodedThumbnail | undefined> }> {
	const w = worker;
	if (!w) {
		frame.close();
		throw new EncoderUnavailableError('The encode worker is not running.');
	}
	const id = nextId++;
	// It follows the still's answer, so the save does not wait for it.
	const thumbnail = new Promise<EncodedThumbnail | undefined>((resolve) => thumbnails.set(id, resolve));
	undrawn++;
	stillsOut++;
	inHand();
	let counted = true;
	const drawn = () => {
		if (counted) undrawn--;
		counted = false;
	};
	const answer = await send(w, { id, kind: 'still', frame, thumbnail: true, ...job }, [frame], () => {
		drawn();
		onDrawn?.();
	})
		.catch((e: unknown) => {
			thumbnails.delete(id);
			// Not sent (nothing transferred): the clone still holds a camera buffer.
			closeQuietly(frame);
			if (e instanceof NotSentError) stillsRefused = true;
			throw e;
		})
		.finally(() => {
			drawn();
			stillsOut--;
			inHand();
		});
	if (answer.kind === 'encoded') return { blob: answer.blob, thumbnail };
	const error = new EncoderUnavailableError(answer.kind === 'failed' ? answer.message : 'Unexpected answer.');
	if (answer.kind === 'failed') error.pixels = answer.pixels;
	throw error;
}
