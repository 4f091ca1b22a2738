/**
 * Tells every part of the app, in this tab and in others, that the photo collection changed.
 * In-tab listeners hear at once; other tabs hear through a BroadcastChannel.
 */
export type PhotoChange =
	| { type: 'added'; id: string }
	| { type: 'deleted'; id: string }
	/** Its metadata changed (a favourite set or cleared). */
	| { type: 'updated'; id: string }
	| { type: 'thumbnail'; id: string };

type Listener = (change: PhotoChange) => void;

const CHANNEL = 'photobooth-photos';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;

function ensureChannel(): BroadcastChannel | undefined {
	if (channel || typeof BroadcastChannel === 'undefined') return channel;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (e: MessageEvent<PhotoChange>) => listeners.forEach((l) => l(e.data));
	return channel;
}

/** Announces a change that has been committed. */
export function announce(change: PhotoChange): void {
	listeners.forEach((l) => l(change));
	ensureChannel()?.postMessage(change);
}

/** Subscribes to changes; returns the unsubscribe function. */
export function onPhotoChange(listener: Listener): () => void {
	ensureChannel();
	listeners.add(listener);
	return () => listeners.delete(listener);
}
