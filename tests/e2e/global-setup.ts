import { existsSync, mkdirSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { assertChromiumAvailable, chromiumExecutable } from './browser';
import { FAKE_VIDEO_FILE, FAKE_VIDEO_SIZE, STILL_VIDEO_FILE } from './paths';

/** Writes a Y4M file (raw 4:2:0 frames, each its Y, U and V planes) whole, or not at all. */
function writeY4mFrames(file: string, width: number, height: number, frames: Iterable<Buffer[]>): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.tmp`;
	const fd = openSync(tmp, 'w');
	writeSync(fd, `YUV4MPEG2 W${width} H${height} F20:1 Ip A1:1 C420jpeg\n`);
	for (const planes of frames) {
		writeSync(fd, 'FRAME\n');
		for (const plane of planes) writeSync(fd, plane);
	}
	closeSync(fd);
	renameSync(tmp, file);
}

/**
 * Writes a short Y4M clip (a moving grey pattern) for the file-backed fake camera. Y4M is
 * trivial to write, so the tests need no ffmpeg; the file is kept small and ignored.
 */
function writeY4m(file: string, width: number, height: number, frames: number): void {
	const cw = width / 2;
	const ch = height / 2;
	// Neutral chroma: a grey picture, so brightness tests read the pattern and nothing else.
	const u = Buffer.alloc(cw * ch, 128);
	const v = Buffer.alloc(cw * ch, 128);
	function* clip() {
		for (let f = 0; f < frames; f++) {
			const y = Buffer.alloc(width * height);
			for (let row = 0; row < height; row++) {
				for (let col = 0; col < width; col++) {
					// Diagonal stripes that move each frame, plus a bright square that stays in the left half.
					const stripe = ((col + row + f * 8) >> 5) & 1;
					const square = col > 40 + f * 4 && col < 140 + f * 4 && row > 60 && row < 160;
					y[row * width + col] = square ? 235 : stripe ? 180 : 60;
				}
			}
			yield [y, u, v];
		}
	}
	writeY4mFrames(file, width, height, clip());
}

/**
 * One frame (the camera plays it again and again) of the still camera's picture: four coloured
 * quarters, a checkerboard in the middle (as effect-pixels.ts paints it), in BT.601 limited range.
 */
function writeStillY4m(file: string): void {
	const width = 1280;
	const height = 720;
	const quarters = [[0xd0, 0x40, 0x40], [0x40, 0xa0, 0x40], [0x40, 0x40, 0xd0], [0xa0, 0x40, 0xa0]];
	const rgbAt = (x: number, y: number): number[] => {
		if (x >= 400 && x < 880 && y >= 120 && y < 600) {
			const v = (Math.floor((x - 400) / 60) + Math.floor((y - 120) / 60)) % 2 ? 0xf4 : 0x14;
			return [v, v, v];
		}
		return quarters[(x >= 640 ? 1 : 0) + (y >= 360 ? 2 : 0)];
	};
	const cw = width / 2;
	const ch = height / 2;
	const y = Buffer.alloc(width * height);
	const u = Buffer.alloc(cw * ch);
	const v = Buffer.alloc(cw * ch);
	for (let row = 0; row < height; row++)
		for (let col = 0; col < width; col++) {
			const [r, g, b] = rgbAt(col, row);
			y[row * width + col] = Math.round(16 + 0.256788 * r + 0.504129 * g + 0.097906 * b);
		}
	for (let row = 0; row < ch; row++)
		for (let col = 0; col < cw; col++) {
			let r = 0, g = 0, b = 0;
			for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
				const [pr, pg, pb] = rgbAt(2 * col + dx, 2 * row + dy);
				r += pr / 4;
				g += pg / 4;
				b += pb / 4;
			}
			u[row * cw + col] = Math.round(128 - 0.148223 * r - 0.290993 * g + 0.439216 * b);
			v[row * cw + col] = Math.round(128 + 0.439216 * r - 0.367788 * g - 0.071427 * b);
		}
	writeY4mFrames(file, width, height, [[y, u, v]]);
}

export default async function globalSetup(_config: FullConfig): Promise<void> {
	assertChromiumAvailable();
	if (!existsSync('build/index.html')) {
		throw new Error('No production build in build/. Run `npm run build` first (npm test does).');
	}
	if (!existsSync(FAKE_VIDEO_FILE)) {
		writeY4m(FAKE_VIDEO_FILE, FAKE_VIDEO_SIZE.width, FAKE_VIDEO_SIZE.height, 40);
	}
	if (!existsSync(STILL_VIDEO_FILE)) writeStillY4m(STILL_VIDEO_FILE);
	// The Playwright build and Debian's Chromium can differ; make that visible in every run.
	const browser = await chromium.launch({ executablePath: chromiumExecutable() });
	console.log(`Chromium ${browser.version()} (${chromiumExecutable() ?? 'Playwright bundled'})`);
	await browser.close();
}
