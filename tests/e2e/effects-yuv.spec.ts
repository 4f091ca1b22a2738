import { test, expect, openCamera, takePhotos } from './fixtures';
import { chromiumExecutable } from './browser';
import { STILL_VIDEO_FILE } from './paths';
import { photoGrids, shownGrid, diff, pickEffect, sepiaIsThePreview } from './effect-pixels';

// A camera that sends YUV frames (I420), as real cameras do, of one still picture: the booth
// reads their planes and turns them into colour in its own shader (planes.ts), and the saved
// photo must match what the browser shows of the same frames.
test.use({
	launchOptions: {
		executablePath: chromiumExecutable(),
		args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${STILL_VIDEO_FILE}`, '--no-first-run']
	}
});

test('Sepia from a camera’s YUV frames: the saved photo is what the preview shows', async ({ page }) => {
	await openCamera(page);
	const format = () =>
		page.evaluate(() => {
			const frame = new VideoFrame(document.querySelector<HTMLVideoElement>('video[aria-label="Camera preview"]')!);
			const format = frame.format;
			frame.close();
			return format;
		});
	await expect.poll(format).toBe('I420');
	await sepiaIsThePreview(page);
});

test('Twirl from a camera’s YUV frames, cropped square and mirrored: the photo is the preview as shown', async ({ page }) => {
	// Two photos, an effect picked and the picker's live tiles, all on software WebGL: 30-50 s
	// when the shared machine is busy.
	test.slow();
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('photobooth.settings', JSON.stringify({ version: 3, shape: '1:1', mirrorPreview: true, mirrorSaved: true }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openCamera(page);
	await takePhotos(page, 1);
	await pickEffect(page, 'Twirl');
	await takePhotos(page, 1);
	const shown = await shownGrid(page);
	const [twirl, normal] = await photoGrids(page);
	expect(twirl.width).toBe(twirl.height);
	const middle = (x: number, y: number) => x >= 5 && x <= 10 && y >= 5 && y <= 10;
	const inner = (x: number, y: number) => !((x === 0 || x === 15) && (y === 0 || y === 15));
	expect(diff(twirl.cells, normal.cells, 16, middle)).toBeGreaterThan(25);
	expect(diff(shown, twirl.cells, 16, inner)).toBeLessThan(8);
});
