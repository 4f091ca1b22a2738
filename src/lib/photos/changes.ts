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

// Messages are a change or a list of them; a tab of a version before lists (on the old name)
// would read a list as one change, so the name changed with them. Such a tab is asked to update.
const CHANNEL = 'photobooth-photos-2';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;

function ensureChannel(): BroadcastChannel | undefined {
	if (channel || typeof BroadcastChannel === 'undefined') return channel;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (e: MessageEvent<PhotoChange | PhotoChange[]>) => tell(e.data);
	return channel;
}

function tell(changes: PhotoChange | PhotoChange[]): void {
	for (const change of Array.isArray(changes) ? changes : [changes]) listeners.forEach((l) => l(change));
}

/** Announces a change that has been committed (or several: one message to the other tabs). */
export function announce(changes: PhotoChange | PhotoChange[]): void {
	if (Array.isArray(changes) && !changes.length) return;
	tell(changes);
	ensureChannel()?.postMessage(changes);
}

/** Subscribes to changes; returns the unsubscribe function. */
export function onPhotoChange(listener: Listener): () => void {
	ensureChannel();
	listeners.add(listener);
	return () => listeners.delete(listener);
}
