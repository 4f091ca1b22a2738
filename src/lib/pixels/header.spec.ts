import { describe, expect, it } from 'vitest';
import { gifSize, headerSize, jpegSize, pngSize, webpSize } from './header';

/** A JPEG's start, an APP segment of `app` bytes, then a baseline frame header of w x h. */
function jpeg(width: number, height: number, { app = 20, marker = 0xc0 } = {}): Uint8Array {
	const appSeg = [0xff, 0xe1, (app + 2) >> 8, (app + 2) & 0xff, ...Array(app).fill(0x45)];
	const sof = [0xff, marker, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
	return new Uint8Array([0xff, 0xd8, ...appSeg, 0xff, 0xff, ...sof, 0xff, 0xda, 0, 2]);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

describe('header sizes', () => {
	it('reads a JPEG frame header past other segments and fill bytes, baseline or progressive', () => {
		expect(jpegSize(jpeg(640, 480))).toEqual({ width: 640, height: 480 });
		expect(jpegSize(jpeg(4032, 3024, { app: 3000, marker: 0xc2 }))).toEqual({ width: 4032, height: 3024 });
		expect(headerSize(jpeg(1, 65535), 'image/jpeg')).toEqual({ width: 1, height: 65535 });
	});

	it('gives nothing for a JPEG without a frame header before its scan, cut short, or of size 0', () => {
		expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
		expect(jpegSize(jpeg(640, 480).subarray(0, 30))).toBeUndefined();
		expect(jpegSize(jpeg(0, 480))).toBeUndefined();
		// DHT (c4) is not a frame header, whatever its bytes.
		expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xc4, 0, 4, 1, 2, 0xff, 0xd9]))).toBeUndefined();
		expect(jpegSize(new Uint8Array([0x89, 0x50]))).toBeUndefined();
	});

	it('reads PNG, GIF and the three kinds of WebP', () => {
		const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR'), 0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38, 8, 6, 0, 0, 0];
		expect(pngSize(new Uint8Array(png))).toEqual({ width: 1920, height: 1080 });
		expect(gifSize(new Uint8Array([...ascii('GIF89a'), 0x40, 0x01, 0xf0, 0x00]))).toEqual({ width: 320, height: 240 });

		const riff = (chunk: string, body: number[]) => new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...ascii(chunk), 0, 0, 0, 0, ...body, ...Array(16).fill(0)]);
		expect(webpSize(riff('VP8X', [0, 0, 0, 0, ...le24(799), ...le24(599)]))).toEqual({ width: 800, height: 600 });
		// VP8L: signature 0x2f, then 14 bits of width - 1 and 14 of height - 1.
		const bits = (99 & 0x3fff) | ((49 & 0x3fff) << 14);
		expect(webpSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ width: 100, height: 50 });
		// VP8: a key frame's 3-byte tag, the start code, then the sizes.
		expect(webpSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]))).toEqual({ width: 640, height: 480 });
	});

	it('gives nothing for other types or too few bytes', () => {
		expect(headerSize(new Uint8Array(40), 'video/mp4')).toBeUndefined();
		expect(pngSize(new Uint8Array(10))).toBeUndefined();
		expect(webpSize(new Uint8Array(10))).toBeUndefined();
	});
});
