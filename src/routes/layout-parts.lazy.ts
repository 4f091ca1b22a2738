/**
 * The layout's parts that only some visits show (the event mode bar, for a host who left the
 * guests' page with the PIN). Client only, like camera-parts.lazy.ts: their CSS loads with them.
 */
export const loadEventBar = () => import('$lib/components/event/EventBar.svelte');
