/**
 * Person segmentation on the device: MediaPipe's selfie segmentation model (256x256 in, a
 * person's confidence per pixel out) run by a small TFLite runtime compiled to WebAssembly with
 * SIMD. Both ship in npm packages and are served from our origin (precached), never fetched from
 * anywhere else. Runs on the CPU (XNNPACK), so it needs no WebGL, and it works the same on the
 * page and in a worker: about 8 ms a frame on this 2-core machine.
 *
 * Why these: @mediapipe/tasks-vision refuses this model (it wants metadata the file lacks) and
 * ships no model of its own; the legacy @mediapipe/selfie_segmentation runtime needs WebGL and a
 * document; @vladmandic/human ships no segmentation model. See the README's Backdrops notes.
 */
import createRuntime from '@twilio/video-processors/dist/build/tflite-simd-1-0-0.js';
// Served from our origin, precached: see vite.config.ts segmentationFiles.
import { modelUrl, runtimeUrl } from 'virtual:segmentation-files';
import { makeCanvas, type AnyCanvas, type Context2D } from '$lib/pixels/canvas';
import type { Size } from '$lib/pixels/geometry';
import { squeeze, type Pixels } from './blend';

/** A mask: the person's confidence per pixel, as the alpha of an RGBA picture at the model's size. */
export type Mask = ImageData;

/** The smallest module that uses a SIMD instruction (v128.const), to ask the browser first. */
const SIMD_PROBE = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 11
]);

/** Backdrops cannot run in this browser: no WebAssembly with SIMD. */
export class BackdropsUnavailableError extends Error {
	constructor(cause?: unknown) {
		super('Backdrops need WebAssembly with SIMD, which this browser does not have. Try a current Chrome, Edge, Firefox or Safari.', { cause });
	}
}

function hasSimd(): boolean {
	try {
		return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
	} catch {
		return false;
	}
}

export class Segmenter {
	readonly size: Size;
	#tflite: Awaited<ReturnType<typeof createRuntime>>;
	#canvas: AnyCanvas;
	#ctx: Context2D;

	private constructor(tflite: Awaited<ReturnType<typeof createRuntime>>) {
		this.#tflite = tflite;
		this.size = { width: tflite._getInputWidth(), height: tflite._getInputHeight() };
		this.#canvas = makeCanvas(this.size.width, this.size.height);
		// Read back every frame: kept in memory, not on a GPU.
		const ctx = this.#canvas.getContext('2d', { willReadFrequently: true }) as Context2D | null;
		if (!ctx) throw new Error('No 2D canvas is available.');
		this.#ctx = ctx;
	}

	/** Loads the runtime and the model (a few hundred ms the first time). */
	static async load(): Promise<Segmenter> {
		if (!hasSimd()) throw new BackdropsUnavailableError();
		let tflite: Awaited<ReturnType<typeof createRuntime>>;
		try {
			tflite = await createRuntime({ locateFile: () => runtimeUrl, print: () => {}, printErr: (s) => void (s.startsWith('INFO:') || console.warn(s)) });
		} catch (e) {
			throw new Error(`The backdrop model's runtime could not start (${e instanceof Error ? e.message : e}). Reload the page to try again.`, { cause: e });
		}
		const response = await fetch(modelUrl);
		if (!response.ok) throw new Error(`The segmentation model could not be read (${response.status}).`);
		const model = new Uint8Array(await response.arrayBuffer());
		tflite.HEAPU8.set(model, tflite._getModelBufferMemoryOffset());
		if (tflite._loadModel(model.byteLength) !== 0) throw new Error('The segmentation model could not be loaded.');
		return new Segmenter(tflite);
	}

	/**
	 * The person mask of `source` (all of it, squeezed to the model's square as the model was
	 * trained): alpha 255 where a person is, 0 where not, soft between. Synchronous.
	 */
	mask(source: CanvasImageSource, sourceSize: Size, into?: Mask): Mask {
		const { width, height } = this.size;
		const ctx = this.#ctx;
		ctx.drawImage(source, 0, 0, sourceSize.width, sourceSize.height, 0, 0, width, height);
		return this.run(ctx.getImageData(0, 0, width, height).data, into);
	}

	/** The person mask of a picture's pixels, squeezed to the model's square in JS (no canvas). */
	maskOfPixels(picture: Pixels, into?: Mask): Mask {
		return this.run(squeeze(picture, this.size.width, this.size.height), into);
	}

	/** The mask of RGBA pixels already at the model's size. */
	run(rgba: Uint8ClampedArray, into?: Mask): Mask {
		const t = this.#tflite;
		const { width, height } = this.size;
		const n = width * height;
		const input = t.HEAPF32;
		let at = t._getInputMemoryOffset() / 4;
		for (let i = 0; i < n * 4; i += 4) {
			input[at++] = rgba[i] / 255;
			input[at++] = rgba[i + 1] / 255;
			input[at++] = rgba[i + 2] / 255;
		}
		t._runInference();
		const out = into ?? new ImageData(width, height);
		const data = out.data;
		const from = t._getOutputMemoryOffset() / 4;
		for (let i = 0; i < n; i++) data[i * 4 + 3] = t.HEAPF32[from + i] * 255;
		return out;
	}
}
