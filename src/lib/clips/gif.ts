/**
 * Animated GIFs for photographs, frame by frame as they come: each frame gets its own palette of
 * 256 colours (gifenc's quantizer, binned at 4 bits a channel: 25 ms a 480x270 frame here, where
 * its 5-6-5 bins took 500-1000 ms), and an ordered dither before the colours are mapped, so skin
 * and sky show grain rather than bands. Ordered, not error-diffusion: the same still area
 * dithers the same way in every frame, so a looping GIF does not shimmer where nothing moves.
 * Runs in a worker (the clip worker) or in Node (tests): no DOM.
 */
import { GIFEncoder, applyPalette, quantize } from 'gifenc';

/** A 4x4 Bayer matrix: thresholds 0..15 spread evenly over each 4x4 block. */
const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/**
 * Adds the ordered dither's offset to every pixel, in place: at most half of `strength` either
 * way (about the gap between neighbouring colours of a 256-colour palette of a photo).
 */
export function orderedDither(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, strength = 12): void {
	const offsets = BAYER4.map((t) => Math.round(((t + 0.5) / 16 - 0.5) * strength));
	for (let y = 0; y < height; y++) {
		const row = (y & 3) * 4;
		let i = y * width * 4;
		for (let x = 0; x < width; x++, i += 4) {
			const d = offsets[row + (x & 3)];
			rgba[i] = clamp(rgba[i] + d);
			rgba[i + 1] = clamp(rgba[i + 1] + d);
			rgba[i + 2] = clamp(rgba[i + 2] + d);
		}
	}
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** An animated GIF written a frame at a time; loops forever. */
export class GifWriter {
	#gif = GIFEncoder();
	#frames = 0;
	#duration = 0;

	/** Adds a frame (RGBA, changed in place by the dither) shown for `delay` ms. */
	add(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, delay: number): void {
		const palette = quantize(rgba, 256, { format: 'rgb444' });
		orderedDither(rgba, width, height);
		const index = applyPalette(rgba, palette, 'rgb565');
		// GIF delays are in hundredths of a second (gifenc rounds the ms it is given).
		this.#gif.writeFrame(index, width, height, { palette, delay, repeat: 0 });
		this.#frames++;
		this.#duration += Math.round(delay / 10) * 10;
	}

	get frames(): number {
		return this.#frames;
	}
	/** Ms it plays once through. */
	get duration(): number {
		return this.#duration;
	}

	/** The finished file's bytes. */
	finish(): Uint8Array<ArrayBuffer> {
		this.#gif.finish();
		return this.#gif.bytes() as Uint8Array<ArrayBuffer>;
	}
}
