/**
 * Strip: one press runs a whole photo-strip session. Before each shot a countdown (the
 * countdown setting, at least 3 s) and "2 of 4"; each shot is saved as a photo as it is taken
 * and fills its cell in the guide over the viewfinder. Once the last is taken, the strip is
 * drawn in the chosen layout and design and saved beside them, as its recipe and its image.
 * Esc ends the session: the shots taken are kept as photos, and no strip is made of them.
 * The session's code (strip-session.ts) loads with the first press, not with the camera.
 */
import { layoutShots } from '$lib/strips/ids';
import type { CaptureMode } from './types';

export const strip: CaptureMode = {
	id: 'strip',
	label: 'Strip',
	key: 's',
	description: 'A photo strip: several shots laid out for print',
	icon: () => import('@lucide/svelte/icons/gallery-vertical'),
	badge: (s) => `×${layoutShots(s.stripLayout, s.stripShots)}`,
	run: (ctx) => import('../strip-session').then((m) => m.runStrip(ctx))
};
