import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

const b = (...v: (number | string)[]) =>
	new Uint8Array(v.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('sniff', () => {
	it('knows the image types the booth stores', () => {
		expect(sniff(b(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('image/jpeg');
		expect(sniff(b(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
		expect(sniff(b('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('image/webp');
		expect(sniff(b('GIF89a'))).toBe('image/gif');
	});

	it('knows the video types the booth stores (MP4 by its ftyp box, WebM by its EBML header)', () => {
		expect(sniff(b(0, 0, 0, 0x20, 'ftypisom', 0, 0, 2, 0))).toBe('video/mp4');
		expect(sniff(b(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81))).toBe('video/webm');
		expect(sniff(b('ftyp', 0, 0, 0, 0))).toBeNull();
	});

	it('knows a ZIP archive, even an empty one', () => {
		expect(sniff(b('PK', 3, 4, 20, 0))).toBe('zip');
		expect(sniff(b('PK', 5, 6, 0, 0))).toBe('zip');
	});

	it('rejects anything else, however it is named', () => {
		expect(sniff(b('hello world!'))).toBeNull();
		expect(sniff(b('RIFF', 1, 2, 3, 4, 'WAVE'))).toBeNull();
		expect(sniff(b(0xff, 0xd8))).toBeNull();
		expect(sniff(new Uint8Array())).toBeNull();
	});
});
