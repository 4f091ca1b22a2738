import { existsSync, mkdirSync, openSync, writeSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { assertChromiumAvailable, chromiumExecutable } from './browser';
import { FAKE_VIDEO_FILE, FAKE_VIDEO_SIZE, PERSON_TEXTURE, PERSON_VIDEO_FILE, PERSON_VIDEO_SIZE, STILL_VIDEO_FILE } from './paths';

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

/** One pixel, BT.601 limited range, as a camera's I420 frames carry it. */
const lumaOf = (r: number, g: number, b: number) => Math.round(16 + 0.256788 * r + 0.504129 * g + 0.097906 * b);
const cbOf = (r: number, g: number, b: number) => Math.round(128 - 0.148223 * r - 0.290993 * g + 0.439216 * b);
const crOf = (r: number, g: number, b: number) => Math.round(128 + 0.439216 * r - 0.367788 * g - 0.071427 * b);

/**
 * The person's clip: a head and shoulders on a light wall, drawn per pixel (2x2 samples a pixel)
 * as a canvas would draw it, and swaying a few pixels from frame to frame. The wall is plain
 * (#d9d4c7) but for a fine grid of thin darker lines in its four corners (PERSON_TEXTURE), so
 * that a blurred backdrop shows there as lost detail. The person segmentation model finds the
 * head, neck and shoulders, and not the wall (checked with the booth's model when it was made).
 */
function writePersonY4m(file: string): void {
	const { width, height } = PERSON_VIDEO_SIZE;
	const frames = 20;
	const hex = (h: number): [number, number, number] => [(h >> 16) & 255, (h >> 8) & 255, h & 255];
	const WALL = hex(0xd9d4c7);
	const LINE = hex(0xb8b2a4);
	const SHIRT = hex(0x2d4f8a);
	const NECK = hex(0xc68a6a);
	const SKIN = hex(0xd99c7b);
	const HAIR = hex(0x3a2618);
	const WHITE = hex(0xffffff);
	const DARK = hex(0x2b1a10);
	const NOSE = hex(0xa86a50);
	const LIPS = hex(0x8a3030);
	const EAR = hex(0xd0906f);

	// The shoulders' outline (right half, relative to the centre line): a cubic from the bottom
	// at 190 px out up to 60 px out at y 295, as a half-width for every y (monotonic in y).
	const torso: [number, number][] = [];
	for (let i = 0; i <= 2000; i++) {
		const t = i / 2000;
		const bez = (a: number, b: number, c: number, d: number) =>
			(1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
		torso.push([bez(480, 340, 300, 295), bez(190, 190, 120, 60)]);
	}
	// Looked up by y in quarter pixels (the samples are at a quarter and three quarters of a pixel).
	const halfWidths = new Float64Array(height * 4);
	for (let q = height * 4 - 1, i = 1; q >= 0; q--) {
		const y = q / 4;
		while (i < torso.length - 1 && torso[i][0] > y) i++;
		halfWidths[q] = y < 295 ? -1 : torso[i][1];
	}
	const torsoHalfWidth = (y: number): number => halfWidths[Math.floor(y * 4)];
	const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
		((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
	const nearSegment = (x: number, y: number, ax: number, ay: number, bx: number, by: number, r: number) => {
		const dx = bx - ax;
		const dy = by - ay;
		const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
		return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r * r;
	};

	const colourAt = (x: number, y: number, cx: number): [number, number, number] => {
		let c = WALL;
		if ((x < PERSON_TEXTURE.width || x >= width - PERSON_TEXTURE.width) && (y < PERSON_TEXTURE.height || y >= height - PERSON_TEXTURE.height)) {
			if (Math.floor(x) % 8 < 2 || Math.floor(y) % 8 < 2) c = LINE;
		}
		if (y < 70 || Math.abs(x - cx) > 195) return c; // only wall out there
		if (Math.abs(x - cx) <= torsoHalfWidth(y)) c = SHIRT;
		if (Math.abs(x - cx) <= 32 && y >= 240 && y < 310) c = NECK;
		if (inEllipse(x, y, cx, 185, 78, 98)) c = SKIN;
		if ((y <= 130 && inEllipse(x, y, cx, 130, 84, 56)) || (Math.abs(x - cx) >= 62 && Math.abs(x - cx) <= 84 && y >= 125 && y < 195)) c = HAIR;
		for (const d of [-30, 30]) {
			if (inEllipse(x, y, cx + d, 180, 13, 8)) c = WHITE;
			if ((x - cx - d) ** 2 + (y - 180) ** 2 <= 36) c = DARK;
			if (x >= cx + d - 15 && x < cx + d + 15 && y >= 160 && y < 165) c = DARK;
		}
		if (nearSegment(x, y, cx, 185, cx - 8, 220, 2) || nearSegment(x, y, cx - 8, 220, cx + 4, 222, 2)) c = NOSE;
		const mouth = Math.atan2(y - 232, x - cx);
		if (Math.abs(Math.sqrt((x - cx) ** 2 + (y - 232) ** 2) - 22) <= 3 && mouth >= 0.15 * Math.PI && mouth <= 0.85 * Math.PI) c = LIPS;
		for (const d of [-80, 80]) if (inEllipse(x, y, cx + d, 190, 10, 20)) c = EAR;
		return c;
	};

	function* clip() {
		const rgb = new Float32Array(width * height * 3);
		for (let f = 0; f < frames; f++) {
			const cx = width / 2 + 4 * Math.sin((2 * Math.PI * f) / frames);
			for (let row = 0; row < height; row++)
				for (let col = 0; col < width; col++) {
					let r = 0, g = 0, b = 0;
					for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
						const c = colourAt(col + dx, row + dy, cx);
						r += c[0] / 4;
						g += c[1] / 4;
						b += c[2] / 4;
					}
					const i = (row * width + col) * 3;
					rgb[i] = r;
					rgb[i + 1] = g;
					rgb[i + 2] = b;
				}
			const cw = width / 2;
			const ch = height / 2;
			const y = Buffer.alloc(width * height);
			const u = Buffer.alloc(cw * ch);
			const v = Buffer.alloc(cw * ch);
			for (let i = 0; i < width * height; i++) y[i] = lumaOf(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]);
			for (let row = 0; row < ch; row++)
				for (let col = 0; col < cw; col++) {
					let r = 0, g = 0, b = 0;
					for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
						const i = ((2 * row + dy) * width + 2 * col + dx) * 3;
						r += rgb[i] / 4;
						g += rgb[i + 1] / 4;
						b += rgb[i + 2] / 4;
					}
					u[row * cw + col] = cbOf(r, g, b);
					v[row * cw + col] = crOf(r, g, b);
				}
			yield [y, u, v];
		}
	}
	writeY4mFrames(file, width, height, clip());
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
	if (!existsSync(PERSON_VIDEO_FILE)) writePersonY4m(PERSON_VIDEO_FILE);
	// The Playwright build and Debian's Chromium can differ; make that visible in every run.
	const browser = await chromium.launch({ executablePath: chromiumExecutable() });
	console.log(`Chromium ${browser.version()} (${chromiumExecutable() ?? 'Playwright bundled'})`);
	await browser.close();
}
