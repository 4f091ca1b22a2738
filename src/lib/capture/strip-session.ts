/**
 * A strip session, loaded with the first press in Strip mode (modes/strip.ts): the countdown
 * and "2 of 4" before each shot, each shot saved as a photo and shown in the guide, then the
 * strip drawn off the page's thread and saved beside them. Esc ends it; the shots are kept.
 */
import { cellPicture } from '$lib/strips/picture';
import { shotCell } from '$lib/strips/layouts';
import { warmStrips } from '$lib/strips/render';
import { stripDesignFor, stripLayoutFor } from './strip-recipes';
import type { ModeContext } from './modes/types';
import type { Still } from './shutter.svelte';

/** Every shot of a strip session waits at least this long for the person to get ready. */
export const STRIP_COUNTDOWN_S = 3;

export async function runStrip(ctx: ModeContext): Promise<void> {
	// The strip's worker and its saver's code start while the shots are taken, not after the last.
	warmStrips();
	void import('./strip-saver');
	const layout = stripLayoutFor(ctx.settings);
	const stills: Still[] = [];
	const ids: Promise<string>[] = [];
	// Each shot cut to its cell while the next countdown runs: the strip then waits for one.
	const pictures: Promise<ImageBitmap | undefined>[] = [];
	let lastPress = 0;
	try {
		for (let i = 0; i < layout.shots; i++) {
			ctx.progress({ index: i + 1, total: layout.shots });
			await ctx.countdown(STRIP_COUNTDOWN_S);
			lastPress = performance.now();
			const still = await ctx.take();
			ctx.filled(i, still);
			stills.push(still);
			const id = ctx.keep(ctx.saver.savePhoto(still)).then((meta) => meta.id);
			id.catch(() => {}); // the booth reports a failed save (keep); the strip then fails too
			ids.push(id);
			pictures.push(cellPicture(still.blob, still, shotCell(layout, i)));
		}
	} catch (e) {
		// Ended early: the shots are kept as photos, and no strip is made of them.
		for (const p of pictures) void p.then((b) => b?.close());
		throw e;
	}
	const made = ctx.keep(
		ctx.saver.saveStrip({
			layout,
			design: stripDesignFor(ctx.settings),
			overlay: ctx.settings.overlay,
			stills,
			pictures,
			ids: Promise.all(ids)
		})
	);
	// Read by `npm run bench`: the last shot's press to the strip stored.
	void made.then((meta) =>
		performance.measure('booth:last-shot-to-strip', { start: lastPress, end: performance.now(), detail: meta.id })
	);
}
