/**
 * Burst: the countdown, then several photos a set interval apart, each saved on its own as it
 * is taken ("2 of 4" on screen). Esc stops the shots not yet taken; those taken are kept.
 */
import type { CaptureMode } from './types';

export const burst: CaptureMode = {
	id: 'burst',
	label: 'Burst',
	key: 'b',
	description: 'Several photos a set interval apart',
	icon: () => import('@lucide/svelte/icons/layers'),
	badge: (s) => `×${s.burstCount}`,
	async run(ctx) {
		await ctx.countdown();
		const total = ctx.settings.burstCount;
		for (let i = 0; i < total; i++) {
			if (i > 0) await ctx.wait(ctx.settings.burstInterval);
			ctx.progress({ index: i + 1, total });
			// Not awaited: the next shot's wait starts at this press, and the saves run on.
			void ctx.shoot();
		}
	}
};
