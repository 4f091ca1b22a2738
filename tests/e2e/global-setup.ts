import { existsSync, mkdirSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { assertChromiumAvailable, chromiumExecutable } from './browser';
import { FAKE_VIDEO_FILE, FAKE_VIDEO_SIZE } from './paths';

/**
 * Writes a short Y4M clip (raw 4:2:0 frames of a moving colour pattern) for the file-backed fake
 * camera. Y4M is trivial to write, so the tests need no ffmpeg; the file is kept small and ignored.
 */
function writeY4m(file: string, width: number, height: number, frames: number): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.tmp`;
	const fd = openSync(tmp, 'w');
	writeSync(fd, `YUV4MPEG2 W${width} H${height} F20:1 Ip A1:1 C420jpeg\n`);
	const cw = width / 2;
	const ch = height / 2;
	// A bright square that stays in the left half, over moving stripes.
	const y = Buffer.alloc(width * height);
	const u = Buffer.alloc(cw * ch);
	const v = Buffer.alloc(cw * ch);
	for (let f = 0; f < frames; f++) {
		for (let row = 0; row < height; row++) {
			for (let col = 0; col < width; col++) {
				// Diagonal stripes that move each frame, plus a bright square: never a flat frame.
				const stripe = ((col + row + f * 8) >> 5) & 1;
				const square = col > 40 + f * 4 && col < 140 + f * 4 && row > 60 && row < 160;
				y[row * width + col] = square ? 235 : stripe ? 180 : 60;
			}
		}
		// Neutral chroma: a grey picture, so brightness tests read the pattern and nothing else.
		u.fill(128);
		v.fill(128);
		writeSync(fd, 'FRAME\n');
		writeSync(fd, y);
		writeSync(fd, u);
		writeSync(fd, v);
	}
	closeSync(fd);
	renameSync(tmp, file);
}

export default async function globalSetup(_config: FullConfig): Promise<void> {
	assertChromiumAvailable();
	if (!existsSync('build/index.html')) {
		throw new Error('No production build in build/. Run `npm run build` first (npm test does).');
	}
	if (!existsSync(FAKE_VIDEO_FILE)) {
		writeY4m(FAKE_VIDEO_FILE, FAKE_VIDEO_SIZE.width, FAKE_VIDEO_SIZE.height, 40);
	}
	// The Playwright build and Debian's Chromium can differ; make that visible in every run.
	const browser = await chromium.launch({ executablePath: chromiumExecutable() });
	console.log(`Chromium ${browser.version()} (${chromiumExecutable() ?? 'Playwright bundled'})`);
	await browser.close();
}
