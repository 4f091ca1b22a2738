// Backdrops (issue 15): person segmentation puts the person over a backdrop, and the live preview
// is drawn on the effects' `canvas.fx` once per camera frame. Measured from outside the app's
// code, with the live effects' page helpers (effects.mjs: draws on `canvas.fx` and the frames the
// <video> presents, counted by an init script; `booth:shutter-to-saved` for a shot):
// - first draw: on the first load of a page with a backdrop (a fresh context: nothing cached, the
//   segmentation model fetched and started), the init script's performance.now() at its first
//   draw on `canvas.fx`, ms after the navigation started (`any`), and at its first draw with the
//   backdrop shown (`shown`: the app draws the camera as it is until the model gives a mask);
// - preview: with the pink backdrop and the fake camera at 1080p, draws on `canvas.fx` per
//   camera frame over `seconds`, once the preview is up; the camera's own rate is what a page
//   without a backdrop presents in as long;
// - shutter: press to the photo's record stored, with the pink backdrop and with Blur against
//   none, in interleaved blocks of the same run, each backdrop in a context of its own.
//
// One camera page runs at a time: each block loads its page again while the others wait on
// about:blank. A page with a backdrop segments every camera frame in a worker; on this 2-core
// machine, left running beside the others, it would slow their shots (the shots without a
// backdrop most, as both others would be segmenting) and the camera's rate, and flatter every
// ratio. The first shot after each load (a cold page) is kept apart from the figures.
import { open, visit, shots, drawsOver } from './effects.mjs';

const VARIANTS = ['none', 'pink', 'blur'];
const withBackdrop = (backdrop) => ({ version: 3, backdrop, photoSize: '1920x1080' });

/** A first load fetches and compiles the segmentation model: "up to a few seconds" on this machine. */
const FIRST_LOAD_MS = 60_000;
const RELOAD_MS = 30_000;
/** The preview running for a moment before a window is measured, as for the effects. */
const SETTLE_MS = 1500;

/**
 * Waits for the live preview: with a backdrop, for `canvas.fx`, then for the backdrop to show
 * (until the model has given a mask the app draws the camera as it is on the canvas, marked
 * `data-backdrop="loading"`: those frames cost no segmentation), then for its draws to keep
 * coming; without, for the <video>'s frames.
 */
async function previewUp(page, { backdrop, timeout, name }) {
	const within = `within ${timeout / 1000} s`;
	const fail = (what) => (e) => {
		throw new Error(`${name}: ${what} ${within} (${String(e.message ?? e).split('\n')[0]})`, { cause: e });
	};
	if (backdrop) {
		await page.locator('canvas.fx').waitFor({ timeout }).catch(fail('no canvas.fx'));
		await page
			.waitForFunction(() => document.querySelector('canvas.fx')?.dataset.backdrop !== 'loading', undefined, { timeout })
			.catch(fail('the backdrop still loading'));
	}
	const key = backdrop ? 'draws' : 'frames';
	const n = await page.evaluate((k) => window.__fx[k], key);
	await page
		.waitForFunction(([k, n]) => window.__fx[k] > n + 2, [key, n], { timeout })
		.catch(fail(backdrop ? 'canvas.fx drew no more' : 'the camera showed no frames'));
}

/** Unloads the app from `page` (its camera, worker and canvas with it); the context keeps its storage. */
const park = (page) => page.goto('about:blank');

export async function measureBackdrops(browser, { origin, contextOptions, initScript, blocks, perBlock, seconds }) {
	const opened = {};
	try {
		// The camera's own rate, on the page without a backdrop while no other page runs.
		opened.none = await open(browser, { origin, contextOptions, initScript, settings: withBackdrop('none') });
		await previewUp(opened.none.page, { backdrop: false, timeout: RELOAD_MS, name: 'none' });
		await opened.none.page.waitForTimeout(SETTLE_MS);
		const camera = await drawsOver(opened.none.page, seconds);
		await park(opened.none.page);

		// Each backdrop's first load (the pink one's preview measured once it is up).
		const firstDraw = {};
		let preview;
		for (const name of ['pink', 'blur']) {
			opened[name] = await open(browser, { origin, contextOptions, initScript, settings: withBackdrop(name) });
			const { page } = opened[name];
			await previewUp(page, { backdrop: true, timeout: FIRST_LOAD_MS, name: `${name}, first load` });
			firstDraw[name] = await page.evaluate(() => ({ any: window.__fx.first, shown: window.__fx.shown }));
			if (name === 'pink') {
				await page.waitForTimeout(SETTLE_MS);
				const shown = await drawsOver(page, seconds);
				preview = { draws: shown.draws, shown: shown.frames, frames: camera.frames, loading: shown.loading };
			}
			await park(page);
		}

		const out = { preview, firstDraw, firstDrawAgain: { pink: [], blur: [] }, cold: {} };
		for (const name of VARIANTS) {
			out[name] = [];
			out.cold[name] = [];
		}
		for (let b = 0; b < blocks; b++) {
			const order = b % 2 ? [...VARIANTS].reverse() : VARIANTS;
			for (const name of order) {
				const { page } = opened[name];
				const backdrop = name !== 'none';
				await visit(page, origin);
				await previewUp(page, { backdrop, timeout: RELOAD_MS, name });
				if (backdrop) out.firstDrawAgain[name].push(await page.evaluate(() => ({ any: window.__fx.first, shown: window.__fx.shown })));
				const [cold, ...warm] = await shots(page, perBlock + 1);
				out.cold[name].push(cold);
				out[name].push(...warm);
				await park(page);
			}
		}
		return out;
	} finally {
		for (const o of Object.values(opened)) await o.context.close();
	}
}
