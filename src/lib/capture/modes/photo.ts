/** Photo: the countdown (if set), then one photo. */
import Camera from '@lucide/svelte/icons/camera';
import type { CaptureMode } from './types';

export const photo: CaptureMode = {
	id: 'photo',
	label: 'Photo',
	key: 'p',
	description: 'One photo per press',
	icon: Camera,
	async run(ctx) {
		await ctx.countdown();
		void ctx.shoot();
	}
};
