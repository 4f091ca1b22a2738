/**
 * GIF: the countdown, then a short run of frames (the GIF settings: 10 over 2 s by default) made
 * into an animated GIF that loops, 480 px on its long side. See clip-session.ts.
 */
import type { CaptureMode } from './types';

export const gif: CaptureMode = {
	id: 'gif',
	label: 'GIF',
	key: 'g',
	description: 'A short looping animation',
	icon: () => import('@lucide/svelte/icons/image-play'),
	badge: (s) => `${(s.gifDuration / 1000).toLocaleString()} s`,
	run: (ctx) => import('../clip-session').then((m) => m.runClip(ctx, 'gif'))
};
