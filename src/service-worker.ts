/// <reference lib="webworker" />
/**
 * The service worker: the whole build precached (so every route works offline), navigations
 * answered with the app shell, updates installed only when the person says so (the page posts
 * SKIP_WAITING from the "Update available" toast), and archives written as they download.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isZipRequest, onZipMessage, serveZip } from '$lib/export/zip-worker';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

setCacheNameDetails({ prefix: 'photobooth' });

self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
	else onZipMessage(event);
});

clientsClaim();

// Before the navigation fallback, which would answer an archive's URL with the app shell.
registerRoute(({ url }) => isZipRequest(url), ({ url }) => Promise.resolve(serveZip(url)));

// A deep link such as /gallery?photo=ID is the gallery page: match it without the query.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/200.html')));
