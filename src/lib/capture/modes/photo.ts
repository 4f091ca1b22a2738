/** Photo: the countdown (if set), then one photo. */
import type { CaptureMode } from './types';

export const photo: CaptureMode = {
	id: 'photo',
	label: 'Photo',
	key: 'p',
	description: 'One photo per press',
	icon: () => import('@lucide/svelte/icons/camera'),
	async run(ctx) {
		await ctx.countdown();
		void ctx.shoot();
	}
};
