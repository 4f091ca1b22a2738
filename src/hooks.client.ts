import type { ClientInit, HandleClientError } from '@sveltejs/kit';
// Imported for its side effect: the install prompt listener must exist before the event fires.
import '$lib/pwa/install-prompt';
import { EVENT_PATH, locked } from '$lib/event/lock';

/** One sink for errors SvelteKit catches while loading or rendering a page. */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status !== 404) console.error('Unexpected error', error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong' };
};

/**
 * Opening on the camera: ask for it now, while the page's code is still loading and hydrating,
 * rather than after it mounts. The page then finds it starting (start() is idempotent).
 */
export const init: ClientInit = () => {
	// In event mode a guest reaches only the guests' page: any other address loads it instead,
	// with what was asked for (Settings, the gallery) to open there once the host gives the PIN.
	// Once there, the page itself holds every navigation away (see event/+page.svelte). Checked
	// here rather than in a layout load(): any universal load costs every first load 650 bytes.
	if (locked() && location.pathname !== EVENT_PATH) {
		const wanted = location.pathname.slice(1);
		location.replace(wanted ? `${EVENT_PATH}?host=${encodeURIComponent(wanted)}` : EVENT_PATH);
		return new Promise<never>(() => {});
	}
	if (location.pathname === '/') {
		void import('$lib/capture/engine').then(({ camera }) => camera.start());
		// The camera's first frame before the app's rendering (app.html shows it early; see
		// early-camera.ts): the page's main thread is busy for a few hundred ms while the app
		// starts, and the camera's stream and its first frame would both wait for it.
		const shown = window.__boothEarlyShown;
		if (shown) return Promise.race([shown, new Promise((r) => setTimeout(r, EARLY_VIEW_WAIT_MS))]).then(() => {});
	}
};

/** The longest the app waits for the early view's first frame before it renders. */
const EARLY_VIEW_WAIT_MS = 600;
