/**
 * The backdrop's blend straight from a camera frame's YUV planes, for a still drawn from them
 * (recipe.ts drawRecipeFromPlanes): the picture is made and the backdrop mixed in one pass, and
 * only the pixels the person keeps are converted from YUV (the room's are the backdrop's).
 *
 * Why: converting the whole 1080p frame and then blending over it cost a shot 50-120 ms on this
 * 2-core machine (two passes of 2 MP, byte by byte); the room is often half the picture. The
 * picture's columns go in runs that read the same two mask columns, and where the mask is empty
 * or whole over a run no pixel of it needs the mask: the room is filled (a colour, or a scene's
 * pixels copied), the person converted as planesToImage does. The result is the same as
 * planesToImage and then blend (planar-blend.spec.ts checks that).
 */
import { axis, backRow, blend, maskRow, type Axis, type Behind, type Pixels } from './blend';
import { CLAMP, LITTLE_ENDIAN, planeSampler, planesToImage, row, type PlanarSource, type Row } from '../effects/planes';

/** A mask row's value where the mask is whole (255, x 256 once mixed between two rows). */
const WHOLE = 255 * 256;

/** Opaque RGB as one little-endian word (RGBA in memory). */
const word = (r: number, g: number, b: number) => (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;

/**
 * The picture of `src` at `width` x `height` for the model: each pixel the mean of a 2x2 grid of
 * samples inside its cell, as `squeeze` gives from the whole picture, the mean taken in YUV and
 * converted once (the same but where a sample's colour is clipped).
 */
export function squeezePlanes(src: PlanarSource, width: number, height: number): Uint8ClampedArray {
	const out = new Uint8ClampedArray(width * height * 4);
	// The grid's samples are those of a picture twice the size, nearest.
	const { xs, cs, c, base, rowAt } = planeSampler(src.planes, width * 2, height * 2, src.mirror, src.from);
	const [c0, c1, c2, c3, c4, c5, c6, c7, c8] = c;
	const [b0, b1, b2] = base;
	const p = src.planes.data;
	let o = 0;
	for (let v = 0; v < height; v++) {
		const [y0, u0, v0] = rowAt(v * 2);
		const [y1, u1, v1] = rowAt(v * 2 + 1);
		for (let u = 0; u < width; u++, o += 4) {
			const a = xs[u * 2];
			const b = xs[u * 2 + 1];
			const ca = cs[u * 2];
			const cb = cs[u * 2 + 1];
			const Y = (p[y0 + a] + p[y0 + b] + p[y1 + a] + p[y1 + b] + 2) >> 2;
			const U = (p[u0 + ca] + p[u0 + cb] + p[u1 + ca] + p[u1 + cb] + 2) >> 2;
			const V = (p[v0 + ca] + p[v0 + cb] + p[v1 + ca] + p[v1 + cb] + 2) >> 2;
			out[o] = CLAMP[((c0 * Y + c3 * U + c6 * V + b0) >> 10) + 1024];
			out[o + 1] = CLAMP[((c1 * Y + c4 * U + c7 * V + b1) >> 10) + 1024];
			out[o + 2] = CLAMP[((c2 * Y + c5 * U + c8 * V + b2) >> 10) + 1024];
			out[o + 3] = 255;
		}
	}
	return out;
}

/** What a run of mixed pixels needs: the converter's, and the backdrop's. */
interface Mixing extends Row {
	px: Uint32Array;
	/** Each column's mask weight (0-256) between its two mask columns. */
	wx: Uint16Array;
	colour: readonly [number, number, number];
	full: Uint8ClampedArray | undefined;
	/** The blurred room's row, mixed between two of its rows (x 256), and each column's place in it. */
	back: Uint32Array | undefined;
	sx: Axis | undefined;
}

/** Columns `x0` to `x1` of a row where the mask goes from `left` to `right` (not both empty with a colour, nor both whole). */
function mixRun(m: Mixing, at: number, yRow: number, uRow: number, vRow: number, x0: number, x1: number, left: number, right: number): void {
	const { px, xs, cs, y: planes, c, base, wx, colour, full, back, sx } = m;
	const [c0, c1, c2, c3, c4, c5, c6, c7, c8] = c;
	const [b0, b1, b2] = base;
	for (let x = x0; x < x1; x++) {
		const w = wx[x];
		const a = (left * (256 - w) + right * w) >>> 16;
		// The backdrop's colour here.
		let br = colour[0];
		let bg = colour[1];
		let bb = colour[2];
		if (full) {
			const k = (at + x) * 4;
			br = full[k];
			bg = full[k + 1];
			bb = full[k + 2];
		} else if (back && sx) {
			const i = sx.first[x] * 3;
			const f = sx.weight[x];
			br = (back[i] * (256 - f) + back[i + 3] * f) >>> 16;
			bg = (back[i + 1] * (256 - f) + back[i + 4] * f) >>> 16;
			bb = (back[i + 2] * (256 - f) + back[i + 5] * f) >>> 16;
		}
		if (a === 0) {
			px[at + x] = word(br, bg, bb);
			continue;
		}
		// The person's pixel, as planesToImage converts it.
		const Y = planes[yRow + xs[x]];
		const U = planes[uRow + cs[x]];
		const V = planes[vRow + cs[x]];
		const r = CLAMP[((c0 * Y + c3 * U + c6 * V + b0) >> 10) + 1024];
		const g = CLAMP[((c1 * Y + c4 * U + c7 * V + b1) >> 10) + 1024];
		const b = CLAMP[((c2 * Y + c5 * U + c8 * V + b2) >> 10) + 1024];
		if (a >= 255) {
			px[at + x] = word(r, g, b);
			continue;
		}
		// Mixed as blend does: x a / 255, in integers.
		const k = a * 257;
		px[at + x] = word(br + (((r - br) * k + 32768) >> 16), bg + (((g - bg) * k + 32768) >> 16), bb + (((b - bb) * k + 32768) >> 16));
	}
}

/**
 * The room over columns `x0` to `x1`: the colour, the scene's pixels (opaque: drawn over black),
 * or the blurred room scaled up.
 */
function fillRun(m: Mixing, full32: Uint32Array | undefined, colour32: number, at: number, x0: number, x1: number): void {
	const { px, back, sx } = m;
	if (back && sx) {
		for (let x = x0; x < x1; x++) {
			const i = sx.first[x] * 3;
			const f = sx.weight[x];
			px[at + x] = word(
				(back[i] * (256 - f) + back[i + 3] * f) >>> 16,
				(back[i + 1] * (256 - f) + back[i + 4] * f) >>> 16,
				(back[i + 2] * (256 - f) + back[i + 5] * f) >>> 16
			);
		}
	} else if (full32) px.set(full32.subarray(at + x0, at + x1), at + x0);
	else px.fill(colour32, at + x0, at + x1);
}

/**
 * The picture of `src` (at `picture`'s size) into `picture`, with the backdrop `behind` mixed in
 * where the feathered mask `alpha` (`maskWidth` x `maskHeight`, over the whole picture) says the
 * room is: as `blend` over `planesToImage`, in one pass.
 */
export function blendPlanes(picture: Pixels, src: PlanarSource, alpha: Uint8ClampedArray, maskWidth: number, maskHeight: number, behind: Behind): void {
	const { width, height, data } = picture;
	if (!LITTLE_ENDIAN) {
		// Words are written here; elsewhere the two passes give the same picture.
		planesToImage(src.planes, picture, src.mirror, src.from);
		return blend(picture, alpha, maskWidth, maskHeight, behind);
	}
	const px = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
	const sampler = planeSampler(src.planes, width, height, src.mirror, src.from);
	const mx = axis(width, maskWidth);
	const my = axis(height, maskHeight);
	const mask = new Uint32Array(maskWidth + 1);
	const small = 'small' in behind ? behind.small : undefined;
	const full = 'full' in behind ? behind.full : undefined;
	const full32 = full ? new Uint32Array(full.buffer, full.byteOffset, full.byteLength >> 2) : undefined;
	const colour = 'colour' in behind ? behind.colour : ([0, 0, 0] as const);
	const colour32 = word(colour[0], colour[1], colour[2]);
	const sy = small ? axis(height, small.height) : undefined;
	const back = small ? new Uint32Array(small.width * 3 + 3) : undefined;
	const m: Mixing = {
		px,
		xs: sampler.xs,
		cs: sampler.cs,
		y: src.planes.data,
		c: sampler.c,
		base: sampler.base,
		w: width,
		wx: mx.weight,
		colour,
		full,
		back,
		sx: small ? axis(width, small.width) : undefined
	};
	// Runs of columns reading the same two mask columns: each run's first column, then the width.
	const runs: number[] = [];
	for (let x = 0; x < width; x++) if (x === 0 || mx.first[x] !== mx.first[x - 1]) runs.push(x);
	runs.push(width);
	for (let y = 0; y < height; y++) {
		maskRow(mask, alpha, maskWidth, maskHeight, my, y);
		if (small && back && sy) backRow(back, small, sy, y);
		const [yRow, uRow, vRow] = sampler.rowAt(y);
		const at = y * width;
		// Runs of one kind next to each other go in one call (a call a run cost more than the work).
		let room = -1;
		let person = -1;
		for (let r = 0; r + 1 < runs.length; r++) {
			const x0 = runs[r];
			const j = mx.first[x0];
			const left = mask[j];
			const right = mask[j + 1];
			const isRoom = left === 0 && right === 0;
			const isPerson = left >= WHOLE && right >= WHOLE;
			if (room >= 0 && !isRoom) {
				fillRun(m, full32, colour32, at, room, x0);
				room = -1;
			}
			if (person >= 0 && !isPerson) {
				row(m, at, yRow, uRow, vRow, person, x0);
				person = -1;
			}
			if (isRoom) room = room < 0 ? x0 : room;
			else if (isPerson) person = person < 0 ? x0 : person;
			else mixRun(m, at, yRow, uRow, vRow, x0, runs[r + 1], left, right);
		}
		if (room >= 0) fillRun(m, full32, colour32, at, room, width);
		if (person >= 0) row(m, at, yRow, uRow, vRow, person, width);
	}
}
