/**
 * The backdrop's pixel work, in plain JavaScript over RGBA arrays (no canvas): the mask
 * feathered at the model's size, then the person and the backdrop mixed per pixel of the
 * picture at its own size, the mask scaled up bilinearly on the way. One pass over the picture:
 * on a 2-core machine without a GPU this is several times cheaper than a canvas's masked
 * compositing at full resolution (Skia's raster scaled a 256x256 mask onto 1920x1080 with
 * `destination-in` in 35-57 ms), and it is the same in every browser and thread.
 */

/** RGBA pixels, row by row (an ImageData, or anything shaped like one). */
export interface Pixels {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

/** What goes behind the person: a colour, a picture at the full size, or a small one scaled up. */
export type Behind = { colour: readonly [number, number, number] } | { full: Uint8ClampedArray } | { small: Pixels };

/** The mask's alpha below which the room shows, and how fast it rises to whole above it. */
export const EDGE = 80;
export const EDGE_GAIN = 1.6;

/** Blurs a plane of `channels` interleaved values in place, [1 4 6 4 1] / 16 along rows then columns. */
function blur5(data: Uint8ClampedArray | Uint16Array, width: number, height: number, channels: number, stride = channels): void {
	const line = new Uint16Array(Math.max(width, height));
	const pass = (count: number, length: number, at: (i: number, j: number) => number) => {
		for (let i = 0; i < count; i++) {
			for (let c = 0; c < channels; c++) {
				for (let j = 0; j < length; j++) line[j] = data[at(i, j) + c];
				const last = length - 1;
				for (let j = 0; j < length; j++) {
					const a = line[j < 2 ? 0 : j - 2];
					const b = line[j < 1 ? 0 : j - 1];
					const d = line[j >= last ? last : j + 1];
					const e = line[j >= last - 1 ? last : j + 2];
					data[at(i, j) + c] = (a + 4 * b + 6 * line[j] + 4 * d + e + 8) >> 4;
				}
			}
		}
	};
	pass(height, width, (y, x) => (y * width + x) * stride);
	pass(width, height, (x, y) => (y * width + x) * stride);
}

/**
 * The mask (its alpha; the model's confidence) feathered: blurred a little at the mask's own size,
 * which becomes a soft edge a few pixels wide once scaled up, then kept inside the model's own
 * edge (the blur spreads it both ways; the outer half would show a fringe of the room): below
 * EDGE nothing, then rising to whole. One value per mask pixel.
 */
export function featherMask(mask: Pixels): Uint8ClampedArray {
	const n = mask.width * mask.height;
	const alpha = new Uint8ClampedArray(n);
	for (let i = 0; i < n; i++) alpha[i] = mask.data[i * 4 + 3];
	blur5(alpha, mask.width, mask.height, 1);
	for (let i = 0; i < n; i++) alpha[i] = (alpha[i] - EDGE) * EDGE_GAIN;
	return alpha;
}

/**
 * The picture squeezed to `width` x `height` (RGBA), each pixel the mean of a 2x2 grid of samples
 * inside its cell: the model's input, with no canvas drawn at full size.
 */
export function squeeze(p: Pixels, width: number, height: number): Uint8ClampedArray {
	const out = new Uint8ClampedArray(width * height * 4);
	const sx = p.width / width;
	const sy = p.height / height;
	const col = (u: number, f: number) => Math.min(p.width - 1, Math.floor((u + f) * sx)) * 4;
	const xs = new Int32Array(width * 2);
	for (let u = 0; u < width; u++) {
		xs[u * 2] = col(u, 0.25);
		xs[u * 2 + 1] = col(u, 0.75);
	}
	const d = p.data;
	let o = 0;
	for (let v = 0; v < height; v++) {
		const r0 = Math.min(p.height - 1, Math.floor((v + 0.25) * sy)) * p.width * 4;
		const r1 = Math.min(p.height - 1, Math.floor((v + 0.75) * sy)) * p.width * 4;
		for (let u = 0; u < width; u++) {
			const a = xs[u * 2];
			const b = xs[u * 2 + 1];
			for (let c = 0; c < 3; c++) out[o + c] = (d[r0 + a + c] + d[r0 + b + c] + d[r1 + a + c] + d[r1 + b + c] + 2) >> 2;
			out[o + 3] = 255;
			o += 4;
		}
	}
	return out;
}

/**
 * The picture shrunk to `width` x `height` by averaging each cell (a grid of its pixels), then blurred:
 * the Blur backdrop's room (scaled back up by `blend`), a wide blur at any size for one read of
 * the picture.
 */
export function shrinkBlurred(p: Pixels, width: number, height: number): Pixels {
	const sums = new Uint32Array(width * height * 3);
	const counts = new Uint32Array(width * height);
	// Every pixel of a cell is not needed for its mean once blurred: a few dozen spread over it are.
	// An odd step, so that pixel-wide stripes do not all fall on one colour.
	const step = Math.max(1, Math.floor(Math.min(p.width / width, p.height / height) / 6)) | 1;
	const cellOfX = new Int32Array(p.width);
	for (let x = 0; x < p.width; x++) cellOfX[x] = Math.min(width - 1, Math.floor((x * width) / p.width));
	const d = p.data;
	for (let y = 0; y < p.height; y += step) {
		const row = Math.min(height - 1, Math.floor((y * height) / p.height)) * width;
		let k = y * p.width * 4;
		for (let x = 0; x < p.width; x += step, k += 4 * step) {
			const cell = row + cellOfX[x];
			sums[cell * 3] += d[k];
			sums[cell * 3 + 1] += d[k + 1];
			sums[cell * 3 + 2] += d[k + 2];
			counts[cell]++;
		}
	}
	const out = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		const n = counts[i] || 1;
		out[i * 4] = sums[i * 3] / n;
		out[i * 4 + 1] = sums[i * 3 + 1] / n;
		out[i * 4 + 2] = sums[i * 3 + 2] / n;
		out[i * 4 + 3] = 255;
	}
	blur5(out, width, height, 3, 4);
	return { data: out, width, height };
}

export interface Axis {
	first: Int32Array;
	weight: Uint16Array;
}

/** For scaling `from` samples up to `to`: each output's first input sample and the next one's weight (0-256). */
export function axis(to: number, from: number): Axis {
	const first = new Int32Array(to);
	const weight = new Uint16Array(to);
	const scale = from / to;
	for (let i = 0; i < to; i++) {
		const at = Math.min(from - 1, Math.max(0, (i + 0.5) * scale - 0.5));
		const f = Math.min(from - 2, Math.floor(at));
		first[i] = Math.max(0, f);
		weight[i] = from < 2 ? 0 : Math.round((at - first[i]) * 256);
	}
	return { first, weight };
}

/**
 * Row `y` of the picture's mask into `into` (maskWidth + 1 values): between two of the mask's rows
 * (x 256, so x 256 x 256 once mixed along x), one past its end repeating the last.
 */
export function maskRow(into: Uint32Array, alpha: Uint8ClampedArray, maskWidth: number, maskHeight: number, my: Axis, y: number): void {
	const m0 = my.first[y] * maskWidth;
	const m1 = Math.min(maskHeight - 1, my.first[y] + 1) * maskWidth;
	const wy = my.weight[y];
	for (let i = 0; i < maskWidth; i++) into[i] = alpha[m0 + i] * (256 - wy) + alpha[m1 + i] * wy;
	into[maskWidth] = into[maskWidth - 1];
}

/** Row `y` of the blurred room scaled up along y, into `into` (RGB x 256 per column, and one past the end). */
export function backRow(into: Uint32Array, small: Pixels, sy: Axis, y: number): void {
	const s0 = sy.first[y] * small.width * 4;
	const s1 = Math.min(small.height - 1, sy.first[y] + 1) * small.width * 4;
	const w = sy.weight[y];
	const s = small.data;
	for (let i = 0; i < small.width; i++) for (let c = 0; c < 3; c++) into[i * 3 + c] = s[s0 + i * 4 + c] * (256 - w) + s[s1 + i * 4 + c] * w;
	for (let c = 0; c < 3; c++) into[small.width * 3 + c] = into[(small.width - 1) * 3 + c];
}

/**
 * Mixes the backdrop into `picture` (in place) where the feathered mask (`alpha`, `maskWidth` x
 * `maskHeight`, spread over the whole picture) says the room is: the person where it is 255, the
 * backdrop where it is 0, mixed between. Opaque wherever the backdrop shows.
 */
export function blend(picture: Pixels, alpha: Uint8ClampedArray, maskWidth: number, maskHeight: number, behind: Behind): void {
	const { width, height, data } = picture;
	const mx = axis(width, maskWidth);
	const my = axis(height, maskHeight);
	const row = new Uint32Array(maskWidth + 1);
	const small = 'small' in behind ? behind.small : undefined;
	const full = 'full' in behind ? behind.full : undefined;
	const colour = 'colour' in behind ? behind.colour : [0, 0, 0];
	const sx = small ? axis(width, small.width) : undefined;
	const sy = small ? axis(height, small.height) : undefined;
	const back = small ? new Uint32Array(small.width * 3 + 3) : undefined;
	let br = colour[0];
	let bg = colour[1];
	let bb = colour[2];
	for (let y = 0; y < height; y++) {
		maskRow(row, alpha, maskWidth, maskHeight, my, y);
		if (small && back && sy) backRow(back, small, sy, y);
		let k = y * width * 4;
		for (let x = 0; x < width; x++, k += 4) {
			const j = mx.first[x];
			const wx = mx.weight[x];
			const a = (row[j] * (256 - wx) + row[j + 1] * wx) >>> 16;
			if (a >= 255) continue;
			if (full) {
				br = full[k];
				bg = full[k + 1];
				bb = full[k + 2];
			} else if (back && sx) {
				const i = sx.first[x] * 3;
				const w = sx.weight[x];
				br = (back[i] * (256 - w) + back[i + 3] * w) >>> 16;
				bg = (back[i + 1] * (256 - w) + back[i + 4] * w) >>> 16;
				bb = (back[i + 2] * (256 - w) + back[i + 5] * w) >>> 16;
			}
			// Opaque wherever the backdrop shows (a picture not yet drawn may be clear).
			data[k + 3] = 255;
			if (a === 0) {
				data[k] = br;
				data[k + 1] = bg;
				data[k + 2] = bb;
			} else {
				// x a / 255, in integers: x a 257 / 65536, rounded.
				const m = a * 257;
				data[k] = br + (((data[k] - br) * m + 32768) >> 16);
				data[k + 1] = bg + (((data[k + 1] - bg) * m + 32768) >> 16);
				data[k + 2] = bb + (((data[k + 2] - bb) * m + 32768) >> 16);
			}
		}
	}
}
