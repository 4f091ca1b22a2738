/**
 * The install offer, kept from the first moment: Chromium fires `beforeinstallprompt` once,
 * possibly before any component mounts, so hooks.client.ts imports this (a few lines) and the
 * install button and its logic (install.svelte.ts) load only when there is an offer.
 */
const listeners = new Set<() => void>();
let prompt: Event | null = null;
let installed = false;

const tell = () => listeners.forEach((f) => f());

if (typeof window !== 'undefined') {
	addEventListener('beforeinstallprompt', (e) => {
		// Keep the browser's own mini-bar away; we offer our button instead.
		e.preventDefault();
		prompt = e;
		tell();
	});
	addEventListener('appinstalled', () => {
		installed = true;
		prompt = null;
		tell();
	});
}

export const installOffer = {
	/** The browser's offer, until used or the app is installed. */
	get prompt(): Event | null {
		return prompt;
	},
	/** Installed in this session. */
	get installed(): boolean {
		return installed;
	},
	/** Takes the offer (it can be used once, whatever the person answers). */
	take(): Event | null {
		const p = prompt;
		prompt = null;
		tell();
		return p;
	},
	/** Calls `f` on every change; returns how to stop. */
	watch(f: () => void): () => void {
		listeners.add(f);
		return () => listeners.delete(f);
	}
};
