// Live effects (issue 14), both measured from outside the app's code:
// - preview: with Sepia on and the fake camera at 1080p, how many times the effect canvas is
//   drawn (WebGL draw calls on `canvas.fx`, counted by an init script) per camera frame the
//   <video> presents (requestVideoFrameCallback, also the init script's), over a few seconds;
// - shutter: press to the photo's record stored, with Sepia against without, interleaved in the
//   same run, in two fresh contexts of the same build (the same method for both: the ratio is
//   the effect's cost alone).

const COUNT_DRAWS = () => {
	const w = window;
	w.__fx = { draws: 0, frames: 0 };
	for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
		if (!C) continue;
		const draw = C.prototype.drawArrays;
		C.prototype.drawArrays = function (...a) {
			if (this.canvas?.classList?.contains('fx')) w.__fx.draws++;
			return draw.apply(this, a);
		};
	}
	const watch = () => {
		const v = document.querySelector('video');
		if (!v || !('requestVideoFrameCallback' in v)) return void setTimeout(watch, 50);
		const tick = () => {
			w.__fx.frames++;
			v.requestVideoFrameCallback(tick);
		};
		v.requestVideoFrameCallback(tick);
	};
	addEventListener('DOMContentLoaded', watch);
};

async function open(browser, { origin, contextOptions, initScript, effect }) {
	const context = await browser.newContext({ ...contextOptions, permissions: ['camera'] });
	await context.addInitScript({ path: initScript });
	await context.addInitScript((effect) => {
		if (!sessionStorage.getItem('bench-seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, effect, photoSize: '1920x1080' }));
			sessionStorage.setItem('bench-seeded', '1');
		}
	}, effect);
	await context.addInitScript(COUNT_DRAWS);
	const page = await context.newPage();
	await page.goto(`${origin}/`);
	await page.waitForFunction(() => !document.querySelector('button[aria-label="Take photo"]')?.disabled, undefined, { timeout: 30_000 });
	return { context, page };
}

async function shots(page, n) {
	const shutter = page.getByRole('button', { name: 'Take photo', exact: true });
	const before = await page.evaluate(() => performance.getEntriesByName('booth:shutter-to-saved').length);
	for (let i = 0; i < n; i++) {
		await shutter.click();
		await page.waitForFunction((k) => performance.getEntriesByName('booth:shutter-to-saved').length > k, before + i, { timeout: 30_000 });
		await page.waitForTimeout(400);
	}
	return page.evaluate((k) => performance.getEntriesByName('booth:shutter-to-saved').slice(k).map((e) => e.duration), before);
}

export async function measureEffects(browser, { origin, contextOptions, initScript, blocks, perBlock, seconds }) {
	const plain = await open(browser, { origin, contextOptions, initScript, effect: 'normal' });
	const sepia = await open(browser, { origin, contextOptions, initScript, effect: 'sepia' });
	try {
		// The preview, once it is up: effect draws over `seconds`, against the frames the camera
		// gives a page without an effect in as long (the camera's own rate: a busy page's video
		// presents fewer frames, which would flatter the ratio).
		await sepia.page.locator('canvas.fx').waitFor({ timeout: 30_000 });
		await sepia.page.waitForTimeout(1500);
		const window_ = async (page) => {
			const start = await page.evaluate(() => ({ ...window.__fx }));
			await page.waitForTimeout(seconds * 1000);
			const end = await page.evaluate(() => ({ ...window.__fx }));
			return { draws: end.draws - start.draws, frames: end.frames - start.frames };
		};
		const withEffect = await window_(sepia.page);
		const camera = await window_(plain.page);
		const preview = { draws: withEffect.draws, shown: withEffect.frames, frames: camera.frames };
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
