/**
 * The layout's parts that only some visits show (the event mode bar, for a host who left the
 * guests' page with the PIN; the install button, when the browser offers installation). Client only, like camera-parts.lazy.ts: their CSS loads with them.
 */
export const loadEventBar = () => import('$lib/components/event/EventBar.svelte');
export const loadInstallButton = () => import('$lib/components/InstallButton.svelte');
