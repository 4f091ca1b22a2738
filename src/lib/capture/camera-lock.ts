/**
 * One tab at a time has the camera. Two tabs of the booth that both previewed it would both
 * light it, fight over its controls and double every shutter sound; instead the second tab
 * says the camera is in use in the other one and offers to take it over.
 *
 * A Web Lock is the claim: the browser lets it go when a tab closes or crashes, so no tab can
 * keep it by mistake, and `steal` moves it. A BroadcastChannel tells the other tabs when the
 * camera is let go (a tab hidden, stopped or closed), so one waiting can take it up again.
 * Without Web Locks (old browsers) every tab may use the camera, as before.
 */

import type { EarlyClaim } from './early-camera';

/** The lock's name: app.html's early camera script asks for it by name too. */
const NAME = 'photobooth:camera';
/** A tab asks this many times more, this far apart, before saying another tab has the camera. */
const RETRIES = 5;
const RETRY_MS = 200;

export class CameraLock {
	/** Ends the held lock's callback, letting the lock go. */
	#free: (() => void) | null = null;
	#channel: BroadcastChannel | null = null;
	#asking: Promise<boolean> | null = null;
	#onLost: () => void;
	#onFreed: () => void;

	/**
	 * `onLost`: another tab took the camera over (let go of the stream). `onFreed`: another tab
	 * let go of it (try again if this one is waiting).
	 */
	constructor(onLost: () => void, onFreed: () => void) {
		this.#onLost = onLost;
		this.#onFreed = onFreed;
		if (typeof BroadcastChannel === 'function') {
			this.#channel = new BroadcastChannel(NAME);
			this.#channel.onmessage = (e) => e.data === 'freed' && this.#onFreed();
		}
	}

	get held(): boolean {
		return this.#free !== null || !supported();
	}

	/**
	 * Claims the camera for this tab. Resolves false when another tab keeps it (unless `steal`,
	 * which takes it from that tab). Asks again for a moment first: on a reload the page before
	 * lets go of it a few milliseconds after this one asks. Never rejects.
	 */
	acquire(steal = false): Promise<boolean> {
		if (this.held) return Promise.resolve(true);
		// One request at a time: a second would find this tab's own claim and give up.
		if (this.#asking && !steal) return this.#asking;
		const asking = (async () => {
			for (let i = 0; ; i++) {
				const got = await this.#request(steal);
				if (got || steal || i >= RETRIES) return got;
				await new Promise((r) => setTimeout(r, RETRY_MS));
			}
		})();
		this.#asking = asking;
		void asking.then(() => this.#asking === asking && (this.#asking = null));
		return asking;
	}

	#request(steal: boolean): Promise<boolean> {
		return new Promise<boolean>((resolve) => {
			let had = false;
			navigator.locks
				.request(NAME, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
					if (!lock) return resolve(false);
					had = true;
					const held = new Promise<void>((r) => (this.#free = r));
					resolve(true);
					return held;
				})
				// Once the lock is really free: a tab told sooner could find it still held.
				.then(() => had && this.#channel?.postMessage('freed'))
				.catch(() => {
					// Locks refused outright (an opaque origin): no tab coordination, as without them.
					if (!had) return resolve(true);
					// Stolen: the other tab has the camera now.
					this.#free = null;
					this.#onLost();
				});
		});
	}

	/**
	 * Takes over a claim made before the app loaded (app.html's early camera): true if it was
	 * had, and then it is this tab's as if acquired here. False: ask with acquire() as usual.
	 */
	async adopt(early: Promise<EarlyClaim | null>): Promise<boolean> {
		const claim = await early;
		if (!claim) return false;
		if (this.#free) {
			claim.release();
			return true;
		}
		this.#free = claim.release;
		claim.done.then(
			() => this.#channel?.postMessage('freed'),
			() => {
				// Stolen: the other tab has the camera now.
				if (this.#free === claim.release) this.#free = null;
				this.#onLost();
			}
		);
		return true;
	}

	/** Lets the camera go; the other tabs are told once it is free. */
	release(): void {
		if (!this.#free) return;
		this.#free();
		this.#free = null;
	}
}

function supported(): boolean {
	return typeof navigator !== 'undefined' && 'locks' in navigator && !!navigator.locks;
}
