/**
 * The camera page's parts that load when first shown (a camera problem, the controls, the help,
 * the strip guide, the effects picker). Client only: the server build, which prerenders an empty
 * shell, gets a stub of this file (vite.config.ts, `*.lazy.ts`). SvelteKit links into a page's
 * first load, render-blocking, the CSS of every component the server build can reach; through
 * this file it reaches none of these, so their CSS loads with them.
 */
export const loadAlert = () => import('$lib/components/CameraAlert.svelte');
export const loadControls = () => import('$lib/components/ControlsPanel.svelte');
export const loadHelp = () => import('$lib/components/HelpOverlay.svelte');
export const loadGuide = () => import('$lib/components/StripGuide.svelte');
export const loadEffects = () => import('$lib/components/EffectsPicker.svelte');
