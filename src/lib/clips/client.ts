/**
 * The page's side of making a moving picture: a clip worker of its own per clip (started while
 * the countdown runs, ended with the clip, so nothing it held outlives it), fed camera frames as
 * they are sampled (sampler.ts).
 */
import type { ClipFile, ClipReply, ClipRequest, ClipSpec } from './protocol';
import type { EncodedThumbnail } from '$lib/pixels/thumbnail';

export interface ClipResult {
	files: ClipFile[];
	poster?: EncodedThumbnail;
}

export class ClipFailedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ClipFailedError';
	}
}

export class ClipMaker {
	#worker: Worker;
	#done: Promise<ClipResult>;
	#drawn = 0;
	/** Frames sent and not yet drawn: the sampler waits rather than pile camera frames up. */
	#waiting: (() => void)[] = [];
	#sent = 0;
	#ended = false;
	#ready: () => void = () => {};
	/**
	 * Resolves once the worker has started (with a backdrop, once its model has loaded: frames
	 * sent before would queue behind the load, and the clip would have a gap), or has ended.
	 */
	readonly ready = new Promise<void>((resolve) => (this.#ready = resolve));

	constructor(spec: ClipSpec) {
		this.#worker = new Worker(new URL('./clip-worker.ts', import.meta.url), { type: 'module', name: 'clip' });
		this.#done = new Promise<ClipResult>((resolve, reject) => {
			this.#worker.onmessage = (e: MessageEvent<ClipReply>) => {
				const msg = e.data;
				if (msg.kind === 'ready') return this.#ready();
				if (msg.kind !== 'drawn') this.#ended = true;
				if (msg.kind === 'drawn') {
					this.#drawn = msg.count;
					this.#waiting.splice(0).forEach((wake) => wake());
				} else if (msg.kind === 'done') resolve({ files: msg.files, poster: msg.poster });
				else reject(new ClipFailedError(msg.message));
			};
			this.#worker.onerror = (e) => reject(new ClipFailedError(e.message || 'The clip worker stopped.'));
		});
		this.#done.catch(() => {}).finally(() => {
			this.#ready();
			this.#worker.terminate();
		});
		this.#post({ kind: 'start', spec }, [spec.overlay, spec.backdropImage].filter((b) => !!b));
	}

	#post(msg: ClipRequest, transfer: Transferable[] = []): void {
		this.#worker.postMessage(msg, transfer);
	}

	/** Frames handed over so far. */
	get sent(): number {
		return this.#sent;
	}

	/** Hands a camera frame over (it is the worker's now: it closes it once drawn). */
	add(frame: VideoFrame | ImageBitmap): void {
		this.#sent++;
		this.#post({ kind: 'frame', frame }, [frame]);
	}

	/** Resolves once at most `ahead` frames sent are still to be drawn. */
	async caughtUp(ahead = 1): Promise<void> {
		while (!this.#ended && this.#sent - this.#drawn > ahead) await new Promise<void>((wake) => this.#waiting.push(wake));
	}

	/** No more frames: the file(s), once made. */
	finish(): Promise<ClipResult> {
		this.#post({ kind: 'finish' });
		return this.#done;
	}

	/** Gives up on the clip (nothing is made). */
	abandon(): void {
		this.#ended = true;
		this.#ready();
		this.#worker.terminate();
		this.#waiting.splice(0).forEach((wake) => wake());
	}
}
