/**
 * A camera frame's own YUV planes, for the effect pipeline to upload as they are and turn into
 * colour in its shader.
 *
 * Why: without a GPU (SwiftShader here) WebGL takes a VideoFrame or a <video> through a slow
 * conversion: 150-480 ms for a 1080p frame. Copying its planes out (copyTo, 10-15 ms) and
 * uploading them as single-channel textures (about 1 ms) does the same job, the YUV to RGB
 * step costing next to nothing in the shader. With a GPU both ways are fast.
 */

/** The planes of an I420 (Y, U, V) or NV12 (Y, interleaved UV) frame, packed tight. */
export interface PlanarFrame {
	format: 'I420' | 'NV12';
	width: number;
	height: number;
	/** Y, then U and V (I420) or UV (NV12). */
	data: Uint8Array;
	/** Where each plane starts in `data`. */
	offsets: number[];
	/** YUV to RGB: a column-major 3x3 matrix and the offsets subtracted first (0..1 units). */
	matrix: Float32Array;
	offset: Float32Array;
}

/** Luma weights (Kr, Kb) of the YUV matrices a camera frame names. */
const WEIGHTS: Record<string, [number, number]> = {
	bt709: [0.2126, 0.0722],
	bt470bg: [0.299, 0.114],
	smpte170m: [0.299, 0.114]
};

/**
 * The YUV to RGB conversion for a colour space, or null for one the shader does not do (the
 * frame then goes through the browser's own conversion).
 */
export function yuvToRgb(space: VideoColorSpaceInit): { matrix: Float32Array; offset: Float32Array } | null {
	// Unnamed (a file-backed camera): what the browser assumes for video, BT.601.
	const weights = WEIGHTS[space.matrix ?? 'smpte170m'];
	if (!weights) return null;
	const [kr, kb] = weights;
	const kg = 1 - kr - kb;
	const full = space.fullRange === true;
	// Limited range: Y runs 16-235 and U, V 16-240 of 255.
	const sy = full ? 1 : 255 / 219;
	const sc = full ? 1 : 255 / 224;
	const matrix = new Float32Array([
		// Y's column, then U's (Cb), then V's (Cr): r, g, b in each.
		sy, sy, sy,
		0, (-sc * 2 * kb * (1 - kb)) / kg, sc * 2 * (1 - kb),
		sc * 2 * (1 - kr), (-sc * 2 * kr * (1 - kr)) / kg, 0
	]);
	const offset = new Float32Array([full ? 0 : 16 / 255, 128 / 255, 128 / 255]);
	return { matrix, offset };
}

/**
 * The frame's planes in memory of their own (the frame may be closed right after), or null
 * where they cannot be had: another pixel format, a colour space the shader does not know, an
 * opaque GPU frame, a browser without copyTo.
 */
export async function copyPlanes(frame: VideoFrame): Promise<PlanarFrame | null> {
	const format = frame.format;
	if ((format !== 'I420' && format !== 'NV12') || typeof frame.copyTo !== 'function') return null;
	// A frame the browser turns or flips as it draws it: its planes are not the picture as seen.
	const turned = frame as VideoFrame & { rotation?: number; flip?: boolean };
	if (turned.rotation || turned.flip) return null;
	const conversion = yuvToRgb(frame.colorSpace.toJSON());
	if (!conversion) return null;
	const rect = frame.visibleRect;
	if (!rect) return null;
	const width = rect.width;
	const height = rect.height;
	const cw = Math.ceil(width / 2);
	const ch = Math.ceil(height / 2);
	// Asked for tight rows, so each plane uploads without a row length.
	const layout =
		format === 'I420'
			? [
					{ offset: 0, stride: width },
					{ offset: width * height, stride: cw },
					{ offset: width * height + cw * ch, stride: cw }
				]
			: [
					{ offset: 0, stride: width },
					{ offset: width * height, stride: cw * 2 }
				];
	// Either way: Y, and two chroma samples for each 2x2 block.
	const size = width * height + 2 * cw * ch;
	try {
		const data = new Uint8Array(size);
		await frame.copyTo(data, { layout });
		return { format, width, height, data, offsets: layout.map((p) => p.offset), ...conversion };
	} catch (e) {
		console.warn('Could not read the camera frame’s planes; using the browser’s conversion:', e);
		return null;
	}
}

/** Whether a source for the pipeline is a frame's planes (else a picture WebGL reads itself). */
export function isPlanar(source: unknown): source is PlanarFrame {
	return typeof source === 'object' && source !== null && 'offsets' in source && 'matrix' in source;
}

/**
 * The planes (their part `from`, all of them unless said) as RGBA at the size of `out` (nearest
 * samples), mirrored if asked: a preview-sized picture of a camera frame without the browser's
 * full-size conversion (a 1080p frame drawn onto a 640 px canvas took 26 ms here; this takes a
 * few), or a still's pixels at the frame's own size (exact but for the chroma, which JPEG halves
 * again anyway).
 */
export function planesToImage(
	p: PlanarFrame,
	out: { data: Uint8ClampedArray; width: number; height: number },
	mirror = false,
	from: Rect = { x: 0, y: 0, width: p.width, height: p.height }
): typeof out {
	const s = planeSampler(p, out.width, out.height, mirror, from);
	const rows: Row = { px: pixels32(out.data), xs: s.xs, cs: s.cs, y: p.data, c: s.c, base: s.base, w: out.width };
	for (let y = 0; y < out.height; y++) row(rows, y * out.width, ...s.rowAt(y));
	return out;
}

type Rect = { x: number; y: number; width: number; height: number };

/** A picture still to be made from a frame's planes: their part `from`, mirrored if asked. */
export interface PlanarSource {
	planes: PlanarFrame;
	mirror: boolean;
	from: Rect;
}

/**
 * How to read the planes' part `from` as a `w` x `h` picture (nearest samples), mirrored if
 * asked: for each output column its Y sample (`xs`) and chroma sample (`cs`), and for each
 * output row where its Y, U and V rows start in `data`; with the conversion in integers (x 1024:
 * r = (c0 Y + c3 U + c6 V + base0) >> 10, and so on, clamped with CLAMP). planesToImage and the
 * backdrops' blend (which converts only the pixels the person keeps) read the planes alike.
 */
export function planeSampler(p: PlanarFrame, w: number, h: number, mirror: boolean, from: Rect) {
	const { width: W, height: H, offsets, matrix: m, offset } = p;
	const cw = Math.ceil(W / 2);
	const nv12 = p.format === 'NV12';
	// In integers (x 1024), one 32-bit store per pixel: the float version with a clamped store
	// per channel took 65 ms a 1080p frame here, this about 12.
	const c = Array.from(m, (v) => Math.round(v * 1024));
	const base = [0, 1, 2].map((row) => Math.round(512 - 1024 * (m[row] * offset[0] + m[3 + row] * offset[1] + m[6 + row] * offset[2]) * 255));
	const xs = new Int32Array(w);
	const cs = new Int32Array(w);
	for (let x = 0; x < w; x++) {
		const sx = Math.min(W - 1, Math.floor(from.x + ((x + 0.5) * from.width) / w));
		xs[mirror ? w - 1 - x : x] = sx;
		cs[mirror ? w - 1 - x : x] = nv12 ? (sx >> 1) * 2 : sx >> 1;
	}
	/** Where output row `y`'s Y, U and V samples start in the planes' data. */
	const rowAt = (y: number): [number, number, number] => {
		const sy = Math.min(H - 1, Math.floor(from.y + ((y + 0.5) * from.height) / h));
		const crow = (sy >> 1) * (nv12 ? cw * 2 : cw);
		const u = offsets[1] + crow;
		return [sy * W, u, nv12 ? u + 1 : offsets[2] + crow];
	};
	return { xs, cs, c, base, rowAt };
}

export interface Row {
	px: Uint32Array | Uint8ClampedArray;
	xs: Int32Array;
	cs: Int32Array;
	y: Uint8Array;
	c: number[];
	base: number[];
	w: number;
}

/** 0-255 for -1024..1023: the clamp as a table. */
export const CLAMP = Uint8Array.from({ length: 2048 }, (_, i) => Math.max(0, Math.min(255, i - 1024)));
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The pixels as one 32-bit word each (RGBA in memory), where the machine is little-endian. */
export function pixels32(data: Uint8ClampedArray): Uint32Array | Uint8ClampedArray {
	return LITTLE_ENDIAN ? new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2) : data;
}

/**
 * One row of planesToImage (its columns `from` to `to`, all by default): a function of its own,
 * so the engine optimises it after a few rows.
 */
export function row(r: Row, at: number, yRow: number, uRow: number, vRow: number, from = 0, to = r.w): void {
	const { px, xs, cs, y, c, base } = r;
	const [c0, c1, c2, c3, c4, c5, c6, c7, c8] = c;
	const [b0, b1, b2] = base;
	const wide = px instanceof Uint32Array;
	for (let x = from; x < to; x++) {
		const Y = y[yRow + xs[x]];
		const U = y[uRow + cs[x]];
		const V = y[vRow + cs[x]];
		const red = CLAMP[((c0 * Y + c3 * U + c6 * V + b0) >> 10) + 1024];
		const green = CLAMP[((c1 * Y + c4 * U + c7 * V + b1) >> 10) + 1024];
		const blue = CLAMP[((c2 * Y + c5 * U + c8 * V + b2) >> 10) + 1024];
		if (wide) (px as Uint32Array)[at + x] = (0xff000000 | (blue << 16) | (green << 8) | red) >>> 0;
		else {
			const k = (at + x) * 4;
			px[k] = red;
			px[k + 1] = green;
			px[k + 2] = blue;
			px[k + 3] = 255;
		}
	}
}
