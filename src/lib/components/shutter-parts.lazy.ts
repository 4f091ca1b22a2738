/**
 * The shutter bar's part that loads after the camera: the latest photo's tile (and the thumbnail
 * code behind it). Client only (vite.config.ts, `*.lazy.ts`): through this file the server build
 * reaches neither component, so SvelteKit does not link their CSS into the camera's first load.
 */
export const loadLatest = () => import('./LatestPhotoLink.svelte');
