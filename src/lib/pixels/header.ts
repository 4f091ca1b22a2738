/**
 * A picture's pixel size from its header (JPEG's frame header, PNG's IHDR, GIF's screen, WebP's
 * VP8/VP8L/VP8X chunk), without decoding it. Undefined where the header is not there or not
 * one of these. The size is as stored: a JPEG's EXIF orientation may turn it a quarter.
 */
import type { Size } from './geometry';

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);

const sized = (width: number, height: number): Size | undefined => (width > 0 && height > 0 ? { width, height } : undefined);

/** The frame header (SOF0-SOF15 but DHT, JPG and DAC) before the first scan. */
export function jpegSize(b: Uint8Array): Size | undefined {
	if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
	let i = 2;
	while (i + 4 <= b.length) {
		if (b[i] !== 0xff) return undefined;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i++; // fill byte
			continue;
		}
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			i += 2; // no length
			continue;
		}
		if (marker === 0xda || marker === 0xd9) return undefined; // a scan (or the end) before any frame header
		const length = u16be(b, i + 2);
		if (length < 2) return undefined;
		const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (sof) return i + 9 <= b.length ? sized(u16be(b, i + 7), u16be(b, i + 5)) : undefined;
		i += 2 + length;
	}
	return undefined;
}

export function pngSize(b: Uint8Array): Size | undefined {
	// Signature (8), IHDR length (4), "IHDR" (4), width, height.
	if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return undefined;
	return sized(u32be(b, 16), u32be(b, 20));
}

export function gifSize(b: Uint8Array): Size | undefined {
	return b.length >= 10 ? sized(u16le(b, 6), u16le(b, 8)) : undefined;
}

export function webpSize(b: Uint8Array): Size | undefined {
	if (b.length < 30) return undefined;
	const chunk = String.fromCharCode(...b.subarray(12, 16));
	if (chunk === 'VP8X') return sized(u24le(b, 24) + 1, u24le(b, 27) + 1);
	if (chunk === 'VP8L' && b[20] === 0x2f) {
		const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
		return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
	}
	// A lossy key frame: start code 9d 01 2a, then 14-bit width and height.
	if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
	return undefined;
}

/** The size its header gives, for the types the booth takes in. */
export function headerSize(b: Uint8Array, type: string): Size | undefined {
	switch (type) {
		case 'image/jpeg':
			return jpegSize(b);
		case 'image/png':
			return pngSize(b);
		case 'image/gif':
			return gifSize(b);
		case 'image/webp':
			return webpSize(b);
		default:
			return undefined;
	}
}
