import { describe, expect, it } from 'vitest';
import {
	DEFAULTS,
	migrate,
	parsePhotoSize,
	FORMATS,
	QUALITY_RANGE,
	parseStored,
	validateField,
	validateSettings,
	type BoothSettings
} from './schema';

const defaults: BoothSettings = {
	version: 3,
	cameraId: '',
	photoSize: 'max',
	shape: 'camera',
	format: 'image/jpeg',
	quality: 0.92,
	mirrorPreview: true,
	mirrorSaved: false,
	countdown: 0,
	mode: 'photo',
	burstCount: 4,
	burstInterval: 1000,
	gifFrames: 10,
	gifDuration: 2000,
	boomerangGif: false,
	videoLimit: 30_000,
	videoSound: false,
	effect: 'normal',
	backdrop: 'none',
	backdropPhoto: '',
	flash: true,
	sound: false,
	stripLayout: 'strip-2x6',
	stripShots: 4,
	caption: '',
	stripDate: true,
	stripBackground: 'classic',
	overlay: '',
	controls: {}
};

describe('GIF and boomerang settings', () => {
	it('keeps frame counts and lengths in range, on their steps', () => {
		expect(validateField('gifFrames', 12)).toBe(12);
		expect(validateField('gifFrames', 100)).toBe(20);
		expect(validateField('gifFrames', 1)).toBe(4);
		expect(validateField('gifFrames', 'x')).toBe(10);
		expect(validateField('gifDuration', 2300)).toBe(2500);
		expect(validateField('gifDuration', 60_000)).toBe(5000);
		expect(validateField('boomerangGif', true)).toBe(true);
		expect(validateField('boomerangGif', 'yes')).toBe(false);
		expect(validateField('videoLimit', 12_000)).toBe(10_000);
		expect(validateField('videoLimit', 600_000)).toBe(30_000);
		expect(validateField('videoSound', true)).toBe(true);
	});
});

describe('backdrop', () => {
	it('keeps an id-shaped backdrop and a photo id, and falls back to none for anything else', () => {
		expect(validateField('backdrop', 'pink')).toBe('pink');
		expect(validateField('backdrop', 'Pink!')).toBe('none');
		expect(validateField('backdrop', 7)).toBe('none');
		expect(validateField('backdropPhoto', 'p-123')).toBe('p-123');
		expect(validateField('backdropPhoto', 'x'.repeat(300))).toBe('');
	});
});

describe('effect', () => {
	it('keeps a known effect and falls back to Normal for anything else', () => {
		expect(validateField('effect', 'sepia')).toBe('sepia');
		expect(validateField('effect', 'twirl')).toBe('twirl');
		expect(validateField('effect', 'melt')).toBe('normal');
		expect(validateField('effect', 3)).toBe('normal');
	});
});

describe('DEFAULTS', () => {
	it('has the expected values and cannot be changed', () => {
		expect(DEFAULTS).toEqual(defaults);
		expect(Object.isFrozen(DEFAULTS)).toBe(true);
	});

	it('offers the three formats and the 0.5..1 quality range', () => {
		expect(FORMATS.map((f) => f.value)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
		expect(QUALITY_RANGE).toEqual({ min: 0.5, max: 1, step: 0.01 });
	});
});

describe('validateSettings', () => {
	it.each([
		['undefined', undefined],
		['null', null],
		['a string', 'image/png'],
		['a number', 42],
		['a boolean', true],
		['an empty array', []],
		['an array', ['cam', 'image/png', 0.7, false]],
		['an empty object', {}]
	])('gives the defaults for %s', (_, raw) => {
		expect(validateSettings(raw)).toEqual(defaults);
	});

	it('returns a new object, not DEFAULTS itself', () => {
		const s = validateSettings(undefined);
		expect(s).not.toBe(DEFAULTS);
		s.quality = 0.6;
		expect(DEFAULTS.quality).toBe(0.92);
		expect(Object.isFrozen(s)).toBe(false);
	});

	it('keeps a complete valid object as it is', () => {
		const good: BoothSettings = {
			...defaults,
			cameraId: 'abc123',
			format: 'image/webp',
			quality: 0.75,
			mirrorPreview: false
		};
		expect(validateSettings(good)).toEqual(good);
	});

	it('fills in the missing fields of a partial object', () => {
		expect(validateSettings({ format: 'image/png' })).toEqual({ ...defaults, format: 'image/png' });
		expect(validateSettings({ cameraId: 'x', mirrorPreview: false })).toEqual({
			...defaults,
			cameraId: 'x',
			mirrorPreview: false
		});
	});

	it('drops unknown fields', () => {
		const s = validateSettings({ quality: 0.8, theme: 'dark', __proto__x: 1 });
		expect(s).toEqual({ ...defaults, quality: 0.8 });
		expect(Object.keys(s).sort()).toEqual(Object.keys(defaults).sort());
	});

	it.each<[keyof BoothSettings, unknown]>([
		['cameraId', 42],
		['cameraId', null],
		['cameraId', { id: 'x' }],
		['cameraId', 'x'.repeat(512)],
		['format', 'image/gif'],
		['format', 'jpeg'],
		['format', 'IMAGE/JPEG'],
		['format', 1],
		['quality', '0.8'],
		['quality', null],
		['quality', NaN],
		['quality', Infinity],
		['quality', true],
		['mirrorPreview', 'false'],
		['mirrorPreview', 0],
		['mirrorPreview', null]
	])('resets a bad %s (%o) to its default and keeps the good fields', (key, bad) => {
		const good: BoothSettings = {
			...defaults,
			cameraId: 'cam-7',
			format: 'image/png',
			quality: 0.6,
			mirrorPreview: false
		};
		const s = validateSettings({ ...good, [key]: bad });
		expect(s).toEqual({ ...good, [key]: defaults[key] });
	});

	it('resets every bad field at once', () => {
		expect(
			validateSettings({ cameraId: 1, format: 'bmp', quality: 'high', mirrorPreview: 'yes' })
		).toEqual(defaults);
	});

	it('clamps quality into 0.5..1 and rounds it to two decimals', () => {
		expect(validateSettings({ quality: 0.1 }).quality).toBe(0.5);
		expect(validateSettings({ quality: -3 }).quality).toBe(0.5);
		expect(validateSettings({ quality: 1.5 }).quality).toBe(1);
		expect(validateSettings({ quality: 80 }).quality).toBe(1);
		expect(validateSettings({ quality: 0.876 }).quality).toBe(0.88);
		expect(validateSettings({ quality: 0.8712 }).quality).toBe(0.87);
		expect(validateSettings({ quality: 0.5 }).quality).toBe(0.5);
		expect(validateSettings({ quality: 1 }).quality).toBe(1);
	});

	it('rejects an unknown format', () => {
		expect(validateSettings({ format: 'image/avif' }).format).toBe('image/jpeg');
		expect(validateSettings({ format: '' }).format).toBe('image/jpeg');
	});

	it('accepts an empty cameraId and one just under the length limit', () => {
		expect(validateSettings({ cameraId: '' }).cameraId).toBe('');
		const long = 'a'.repeat(511);
		expect(validateSettings({ cameraId: long }).cameraId).toBe(long);
	});
});

describe('parseStored', () => {
	it('gives the defaults for null and the empty string', () => {
		expect(parseStored(null)).toEqual(defaults);
		expect(parseStored('')).toEqual(defaults);
	});

	it('gives the defaults for corrupt JSON', () => {
		expect(parseStored('{')).toEqual(defaults);
		expect(parseStored('{"format":"image/png",')).toEqual(defaults);
		expect(parseStored('undefined')).toEqual(defaults);
		expect(parseStored('not json at all')).toEqual(defaults);
	});

	it('gives the defaults for JSON that is not an object', () => {
		expect(parseStored('null')).toEqual(defaults);
		expect(parseStored('"image/png"')).toEqual(defaults);
		expect(parseStored('123')).toEqual(defaults);
		expect(parseStored('[1,2]')).toEqual(defaults);
	});

	it('reads valid stored settings', () => {
		const stored: BoothSettings = {
			...defaults,
			cameraId: 'dev-1',
			format: 'image/webp',
			quality: 0.55,
			mirrorPreview: false
		};
		expect(parseStored(JSON.stringify(stored))).toEqual(stored);
	});

	it('validates what it reads, field by field', () => {
		expect(parseStored('{"format":"image/png","quality":7,"mirrorPreview":"no"}')).toEqual({
			...defaults,
			format: 'image/png',
			quality: 1
		});
	});

	it('returns a copy each time', () => {
		const a = parseStored(null);
		const b = parseStored(null);
		expect(a).not.toBe(b);
		expect(a).not.toBe(DEFAULTS);
		a.cameraId = 'changed';
		expect(parseStored(null).cameraId).toBe('');
	});
});

describe('validateField', () => {
	it('cameraId: keeps strings under 512 characters, else the default', () => {
		expect(validateField('cameraId', 'abc')).toBe('abc');
		expect(validateField('cameraId', '')).toBe('');
		expect(validateField('cameraId', 'a'.repeat(511))).toBe('a'.repeat(511));
		expect(validateField('cameraId', 'a'.repeat(512))).toBe('');
		expect(validateField('cameraId', 5)).toBe('');
		expect(validateField('cameraId', undefined)).toBe('');
	});

	it('format: keeps the three known formats, else the default', () => {
		expect(validateField('format', 'image/jpeg')).toBe('image/jpeg');
		expect(validateField('format', 'image/png')).toBe('image/png');
		expect(validateField('format', 'image/webp')).toBe('image/webp');
		expect(validateField('format', 'image/heic')).toBe('image/jpeg');
		expect(validateField('format', undefined)).toBe('image/jpeg');
		expect(validateField('format', { value: 'image/png' })).toBe('image/jpeg');
	});

	it('quality: clamps and rounds finite numbers, else the default', () => {
		expect(validateField('quality', 0.7)).toBe(0.7);
		expect(validateField('quality', 0.704)).toBe(0.7);
		expect(validateField('quality', 0.706)).toBe(0.71);
		expect(validateField('quality', 0.2)).toBe(0.5);
		expect(validateField('quality', 2)).toBe(1);
		expect(validateField('quality', -Infinity)).toBe(0.92);
		expect(validateField('quality', NaN)).toBe(0.92);
		expect(validateField('quality', '0.7')).toBe(0.92);
		expect(validateField('quality', undefined)).toBe(0.92);
	});

	it('mirrorPreview: keeps booleans, else the default', () => {
		expect(validateField('mirrorPreview', false)).toBe(false);
		expect(validateField('mirrorPreview', true)).toBe(true);
		expect(validateField('mirrorPreview', 'false')).toBe(true);
		expect(validateField('mirrorPreview', 0)).toBe(true);
		expect(validateField('mirrorPreview', undefined)).toBe(true);
	});
});

describe('version 2 and 3 fields', () => {
	it.each<[keyof BoothSettings, unknown, unknown]>([
		['countdown', 3, 3],
		['countdown', 10, 10],
		['countdown', 4, 0],
		['countdown', '5', 0],
		['burstCount', 6, 6],
		['burstCount', 1, 2],
		['burstCount', 99, 10],
		['burstCount', 3.6, 4],
		['burstInterval', 1234, 1200],
		['burstInterval', 50, 200],
		['burstInterval', 60_000, 5000],
		['burstInterval', 'fast', 1000],
		['photoSize', '1280x720', '1280x720'],
		['photoSize', 'max', 'max'],
		['photoSize', '1280*720', 'max'],
		['photoSize', '1x1', 'max'],
		['mirrorSaved', true, true],
		['mirrorSaved', 1, false],
		['flash', false, false],
		['sound', true, true],
		['mode', 'burst', 'burst'],
		['mode', 'gif', 'gif'],
		['mode', 'Burst', 'photo'],
		['mode', '<img src=x>', 'photo'],
		['mode', 7, 'photo'],
		['shape', '1:1', '1:1'],
		['shape', '16:9', 'camera'],
		['shape', null, 'camera'],
		['stripLayout', 'postcard', 'postcard'],
		['stripLayout', 'poster', 'strip-2x6'],
		['stripShots', 3, 3],
		['stripShots', 5, 4],
		['caption', 'Ada & Grace 2026', 'Ada & Grace 2026'],
		['caption', 'x'.repeat(80), 'x'.repeat(60)],
		['caption', 7, ''],
		['stripBackground', '#ff00aa', '#ff00aa'],
		['stripBackground', 'url(x)', 'classic'],
		['stripDate', false, false],
		['overlay', 'o-1', 'o-1']
	])('%s: %o becomes %o', (key, value, expected) => {
		expect(validateField(key, value)).toEqual(expected);
	});

	it('always stores the current version', () => {
		expect(validateField('version', 1)).toBe(3);
		expect(validateSettings({ version: 99 }).version).toBe(3);
	});

	it('parses photo sizes', () => {
		expect(parsePhotoSize('1920x1080')).toEqual({ width: 1920, height: 1080 });
		expect(parsePhotoSize('max')).toBeUndefined();
		expect(parsePhotoSize('19200000x1')).toBeUndefined();
	});

	it('keeps valid remembered controls per camera and drops bad entries', () => {
		const controls = validateField('controls', {
			camA: { zoom: 150, focusMode: 'manual', torch: true, bad: { x: 1 }, nan: Number.NaN, 'no space': 1 },
			camB: 'not an object',
			camC: []
		});
		expect(controls).toEqual({ camA: { zoom: 150, focusMode: 'manual', torch: true } });
		expect(validateField('controls', null)).toEqual({});
		expect(validateField('controls', [1, 2])).toEqual({});
	});
});

describe('migration', () => {
	it('takes version 1 settings (no version field) to version 2, keeping every v1 value', () => {
		const v1 = { cameraId: 'cam-9', format: 'image/webp', quality: 0.8, mirrorPreview: false };
		expect(migrate(v1)).toEqual({ ...v1, mirrorSaved: false, mode: 'photo', version: 3 });
		expect(validateSettings(v1)).toEqual({ ...defaults, ...v1 });
	});

	it('reads version 1 JSON as stored by the first release', () => {
		const text = '{"cameraId":"","format":"image/png","quality":0.92,"mirrorPreview":true}';
		expect(parseStored(text)).toEqual({ ...defaults, format: 'image/png' });
	});

	it('takes version 2 settings to version 3: a burst turned on becomes the Burst mode', () => {
		const { mode: _mode, ...rest } = defaults;
		const v2 = { ...rest, version: 2, countdown: 5, mirrorSaved: true };
		expect(migrate({ ...v2, burst: true })).toEqual({ ...v2, mode: 'burst', version: 3 });
		expect(validateSettings({ ...v2, burst: false })).toEqual({ ...defaults, countdown: 5, mirrorSaved: true });
	});

	it('leaves version 3 settings as they are', () => {
		const v3 = { ...defaults, countdown: 5, mirrorSaved: true, mode: 'burst' };
		expect(migrate(v3)).toEqual(v3);
		expect(validateSettings(v3)).toEqual(v3);
	});
});
