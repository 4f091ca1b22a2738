/**
 * Video: the countdown, then a clip until Stop recording, Esc or the time limit (settings, 30 s
 * at most), with a timer on screen; sound only when the Sound toggle is on. See video-session.ts.
 */
import type { CaptureMode } from './types';

export const video: CaptureMode = {
	id: 'video',
	label: 'Video',
	key: 'v',
	description: 'A video clip, with sound if you turn it on',
	icon: () => import('@lucide/svelte/icons/clapperboard'),
	badge: (s) => `${s.videoLimit / 1000} s`,
	run: (ctx) => import('../video-session').then((m) => m.runVideo(ctx))
};
