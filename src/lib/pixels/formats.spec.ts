import { describe, expect, it } from 'vitest';
import { FORMAT_EXTENSIONS, extensionFor } from './formats';

describe('extensionFor', () => {
	it('maps the supported formats', () => {
		expect(extensionFor('image/jpeg')).toBe('jpg');
		expect(extensionFor('image/png')).toBe('png');
		expect(extensionFor('image/webp')).toBe('webp');
		expect(FORMAT_EXTENSIONS).toEqual({
			'image/jpeg': 'jpg',
			'image/png': 'png',
			'image/webp': 'webp'
		});
	});

	it('uses the MIME subtype for other types', () => {
		expect(extensionFor('image/gif')).toBe('gif');
		expect(extensionFor('image/avif')).toBe('avif');
	});

	it("falls back to 'img' when there is no subtype", () => {
		expect(extensionFor('')).toBe('img');
		expect(extensionFor('jpeg')).toBe('img');
		expect(extensionFor('image/')).toBe('img');
	});
});
