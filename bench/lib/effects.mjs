// Live effects (issue 14), both measured from outside the app's code:
// - preview: with Sepia on and the fake camera at 1080p, how many times the effect canvas is
//   drawn (WebGL draw calls on `canvas.fx`, counted by an init script) per camera frame the
//   <video> presents (requestVideoFrameCallback, also the init script's), over a few seconds;
// - shutter: press to the photo's record stored, with Sepia against without, interleaved in the
//   same run, in two fresh contexts of the same build (the same method for both: the ratio is
//   the effect's cost alone).

// window.__fx: draws on `canvas.fx`, frames the <video> presented, and `first`, the page's
// performance.now() (ms after its navigation started) at the first of those draws. For backdrops
// (see backdrops.mjs), the canvas's `data-backdrop` at each draw: `loading` while the camera is
// drawn as it is (no mask yet; counted in `loading`), then the backdrop's id (`shown`: the first
// such draw).
const COUNT_DRAWS = () => {
	const w = window;
	w.__fx = { draws: 0, frames: 0, first: null, loading: 0, shown: null };
	const counted = (canvas) => {
		const now = performance.now();
		const backdrop = canvas.dataset?.backdrop;
		w.__fx.first ??= now;
		if (backdrop === 'loading') w.__fx.loading++;
		else if (backdrop) w.__fx.shown ??= now;
		w.__fx.draws++;
	};
	for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
		if (!C) continue;
		const draw = C.prototype.drawArrays;
		C.prototype.drawArrays = function (...a) {
			if (this.canvas?.classList?.contains('fx')) counted(this.canvas);
			return draw.apply(this, a);
		};
	}
	// A backdrop without an effect is drawn on a 2D canvas.fx: one camera frame put onto it (its
	// pixels from the frame's planes, or the <video> drawn where those cannot be had) is one
	// preview frame.
	const proto = CanvasRenderingContext2D.prototype;
	const draw2d = proto.drawImage;
	proto.drawImage = function (...a) {
		if (a[0] instanceof HTMLVideoElement && this.canvas?.classList?.contains('fx')) counted(this.canvas);
		return draw2d.apply(this, a);
	};
	const put = proto.putImageData;
	proto.putImageData = function (...a) {
		if (this.canvas?.classList?.contains('fx')) counted(this.canvas);
		return put.apply(this, a);
	};
	// The app's preview: not the early view that app.html shows while the app loads (a <video>
	// of its own, gone once the preview has a frame).
	const watch = () => {
		const v = document.querySelector('video[aria-label="Camera preview"]');
		if (!v || !('requestVideoFrameCallback' in v)) return void setTimeout(watch, 50);
		const tick = () => {
			w.__fx.frames++;
			v.requestVideoFrameCallback(tick);
		};
		v.requestVideoFrameCallback(tick);
	};
	addEventListener('DOMContentLoaded', watch);
};

/** Waits until the app's shutter can be pressed. */
const shutterReady = (page) =>
	page.waitForFunction(() => !document.querySelector('button[aria-label="Take photo"]')?.disabled, undefined, { timeout: 30_000 });

/** Loads the app in `page` (again: the context keeps its storage and settings) and waits for its shutter. */
export async function visit(page, origin) {
	await page.goto(`${origin}/`);
	await shutterReady(page);
}

/**
 * A fresh context whose first page starts with `settings` in localStorage (seeded once per tab:
 * what the app saves afterwards is kept), counting draws on `canvas.fx`; the app loaded in it.
 */
export async function open(browser, { origin, contextOptions, initScript, settings }) {
	const context = await browser.newContext({ ...contextOptions, permissions: ['camera'] });
	await context.addInitScript({ path: initScript });
	await context.addInitScript((settings) => {
		if (!sessionStorage.getItem('bench-seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify(settings));
			sessionStorage.setItem('bench-seeded', '1');
		}
	}, settings);
	await context.addInitScript(COUNT_DRAWS);
	try {
		const page = await context.newPage();
		await visit(page, origin);
		return { context, page };
	} catch (e) {
		// Not left running beside the sections after this one.
		await context.close();
		throw e;
	}
}

/** `n` presses of the shutter, one after another: each one's `booth:shutter-to-saved`, ms. */
export async function shots(page, n) {
	const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
	const before = await page.evaluate(() => performance.getEntriesByName('booth:shutter-to-saved').length);
	for (let i = 0; i < n; i++) {
		await shutter.click();
		await page.waitForFunction((k) => performance.getEntriesByName('booth:shutter-to-saved').length > k, before + i, { timeout: 30_000 });
		await page.waitForTimeout(400);
	}
	return page.evaluate((k) => performance.getEntriesByName('booth:shutter-to-saved').slice(k).map((e) => e.duration), before);
}

/**
 * Draws on `canvas.fx` and frames the <video> presented, over the next `seconds` (and of those
 * draws, how many showed a backdrop still loading).
 */
export async function drawsOver(page, seconds) {
	const start = await page.evaluate(() => ({ ...window.__fx }));
	await page.waitForTimeout(seconds * 1000);
	const end = await page.evaluate(() => ({ ...window.__fx }));
	return { draws: end.draws - start.draws, frames: end.frames - start.frames, loading: end.loading - start.loading };
}

/** The settings the effect pages start with. */
const withEffect = (effect) => ({ version: 3, effect, photoSize: '1920x1080' });

export async function measureEffects(browser, { origin, contextOptions, initScript, blocks, perBlock, seconds }) {
	const plain = await open(browser, { origin, contextOptions, initScript, settings: withEffect('normal') });
	const sepia = await open(browser, { origin, contextOptions, initScript, settings: withEffect('sepia') });
	try {
		// The preview, once it is up: effect draws over `seconds`, against the frames the camera
		// gives a page without an effect in as long (the camera's own rate: a busy page's video
		// presents fewer frames, which would flatter the ratio).
		await sepia.page.locator('canvas.fx').waitFor({ timeout: 30_000 });
		await sepia.page.waitForTimeout(1500);
		const effect = await drawsOver(sepia.page, seconds);
		const camera = await drawsOver(plain.page, seconds);
		const preview = { draws: effect.draws, shown: effect.frames, frames: camera.frames };
		const out = { preview, plain: [], sepia: [] };
		for (let b = 0; b < blocks; b++) {
			const order = b % 2 ? ['sepia', 'plain'] : ['plain', 'sepia'];
			for (const name of order) out[name].push(...(await shots((name === 'plain' ? plain : sepia).page, perBlock)));
		}
		return out;
	} finally {
		await plain.context.close();
		await sepia.context.close();
	}
}
