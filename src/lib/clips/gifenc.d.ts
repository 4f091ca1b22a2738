/** Types for gifenc 1.0 (it ships none): the parts the GIF writer uses. */
declare module 'gifenc' {
	export type Palette = number[][];
	export type PixelFormat = 'rgb565' | 'rgb444' | 'rgba4444';
	export interface GifEncoder {
		writeFrame(
			index: Uint8Array,
			width: number,
			height: number,
			options?: { palette?: Palette; delay?: number; repeat?: number; transparent?: boolean; dispose?: number }
		): void;
		finish(): void;
		bytes(): Uint8Array;
		bytesView(): Uint8Array;
		reset(): void;
	}
	export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): GifEncoder;
	export function quantize(
		rgba: Uint8Array | Uint8ClampedArray,
		maxColors: number,
		options?: { format?: PixelFormat; oneBitAlpha?: boolean | number; clearAlpha?: boolean }
	): Palette;
	export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: PixelFormat): Uint8Array;
}
