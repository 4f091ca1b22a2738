import type { ClientInit, HandleClientError } from '@sveltejs/kit';
// Imported for its side effect: the install prompt listener must exist before the event fires.
import '$lib/pwa/install.svelte';

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
	if (location.pathname === '/') {
		void import('$lib/capture/engine').then(({ camera }) => camera.start());
	}
};
