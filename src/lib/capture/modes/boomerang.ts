/**
 * Boomerang: the countdown, then about 1.5 s of frames, saved as a video that plays them forward
 * then back, looping until it lasts 3 s (MP4 where the browser encodes H.264, else WebM); with the
 * setting, as a GIF too. See clip-session.ts.
 */
import type { CaptureMode } from './types';

export const boomerang: CaptureMode = {
	id: 'boomerang',
	label: 'Boomerang',
	key: 'o',
	description: 'A moment played forward and back, as a short video',
	icon: () => import('@lucide/svelte/icons/infinity'),
	run: (ctx) => import('../clip-session').then((m) => m.runClip(ctx, 'boomerang'))
};
