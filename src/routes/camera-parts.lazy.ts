/**
 * The camera page's parts that load when first shown (a camera problem, the controls, the help,
 * the strip guide, the effects picker, a live effect over the preview), or just after the camera (what a press shows: the
 * countdown, "2 of 4", a recording's timer, the flash). Client only: the server build, which prerenders an empty
 * shell, gets a stub of this file (vite.config.ts, `*.lazy.ts`). SvelteKit links into a page's
 * first load, render-blocking, the CSS of every component the server build can reach; through
 * this file it reaches none of these, so their CSS loads with them.
 */
export const loadAlert = () => import('$lib/components/CameraAlert.svelte');
export const loadControls = () => import('$lib/components/ControlsPanel.svelte');
export const loadHelp = () => import('$lib/components/HelpOverlay.svelte');
export const loadGuide = () => import('$lib/components/StripGuide.svelte');
export const loadEffects = () => import('$lib/components/EffectsPicker.svelte');
export const loadFeedback = () => import('$lib/components/BoothFeedback.svelte');
export const loadEffectLayer = () => import('$lib/components/EffectLayer.svelte');
