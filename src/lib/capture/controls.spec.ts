import { describe, expect, it } from 'vitest';
import type { PhotoCaps } from './constraints';
import {
	availableControls,
	clampControl,
	currentValues,
	formatControlValue,
	photoControlSettings,
	trackConstraints,
	type ControlSpec
} from './controls';

/** What Chromium's fake camera (--use-fake-device-for-media-stream) reports from getCapabilities(). */
const FAKE_TRACK = {
	aspectRatio: { min: 0.0005208333333333333, max: 1920 },
	deviceId: 'x',
	groupId: 'g',
	exposureMode: ['continuous', 'manual'],
	exposureTime: { min: 10, max: 100, step: 1 },
	focusMode: ['continuous', 'manual'],
	focusDistance: { min: 10, max: 100, step: 1 },
	facingMode: [],
	frameRate: { min: 1, max: 60 },
	height: { min: 1, max: 1080 },
	resizeMode: ['none', 'crop-and-scale'],
	width: { min: 1, max: 1920 }
};

/** The same fake camera once the pan-tilt-zoom permission is granted. */
const FAKE_TRACK_PTZ = {
	...FAKE_TRACK,
	zoom: { min: 100, max: 400, step: 1 },
	pan: { min: -36000, max: 36000, step: 3600 },
	tilt: { min: -36000, max: 36000, step: 3600 }
};

/** Chromium's fake camera getPhotoCapabilities(). */
const FAKE_PHOTO: PhotoCaps = {
	imageWidth: { min: 96, max: 1920, step: 1 },
	imageHeight: { min: 96, max: 1080, step: 1 },
	redEyeReduction: 'never',
	fillLightMode: []
};

/** A phone's rear camera: optical zoom in ×, float EV steps, torch, flash and red-eye reduction. */
const PHONE_TRACK = {
	deviceId: 'rear',
	width: { min: 1, max: 4032 },
	height: { min: 1, max: 3024 },
	frameRate: { min: 1, max: 30 },
	zoom: { min: 1, max: 8, step: 0.1 },
	exposureMode: ['continuous', 'manual'],
	exposureCompensation: { min: -2, max: 2, step: 0.1 },
	iso: { min: 50, max: 3200, step: 1 },
	focusMode: ['manual', 'single-shot', 'continuous'],
	whiteBalanceMode: ['continuous', 'manual'],
	colorTemperature: { min: 2850, max: 7000, step: 50 },
	torch: [true, false]
};

const PHONE_PHOTO: PhotoCaps = {
	imageWidth: { min: 640, max: 4032, step: 1 },
	imageHeight: { min: 480, max: 3024, step: 1 },
	redEyeReduction: 'controllable',
	fillLightMode: ['auto', 'off', 'flash']
};

/** A UVC desktop webcam exposing the image-adjustment controls. */
const UVC_TRACK = {
	deviceId: 'uvc',
	brightness: { min: 0, max: 255, step: 1 },
	contrast: { min: 0, max: 255, step: 1 },
	saturation: { min: 0, max: 255, step: 1 },
	sharpness: { min: 0, max: 255, step: 1 },
	whiteBalanceMode: ['continuous', 'manual'],
	colorTemperature: { min: 2000, max: 6500, step: 1 },
	exposureMode: ['continuous', 'manual'],
	exposureTime: { min: 3, max: 2047, step: 1 }
};

function spec(specs: ControlSpec[], key: string): ControlSpec {
	const found = specs.find((s) => s.key === key);
	if (!found) throw new Error(`no ${key} control`);
	return found;
}

const keys = (specs: ControlSpec[]) => specs.map((s) => s.key);

describe('availableControls', () => {
	it("offers the Chromium fake camera's exposure and focus controls in order", () => {
		expect(keys(availableControls(FAKE_TRACK, FAKE_PHOTO))).toEqual([
			'exposureMode',
			'exposureTime',
			'focusMode',
			'focusDistance'
		]);
	});

	it('puts zoom, pan and tilt first once the pan-tilt-zoom permission is granted', () => {
		expect(keys(availableControls(FAKE_TRACK_PTZ, FAKE_PHOTO))).toEqual([
			'zoom',
			'pan',
			'tilt',
			'exposureMode',
			'exposureTime',
			'focusMode',
			'focusDistance'
		]);
	});

	it('keeps the camera-app order regardless of the order of the capability keys', () => {
		const reversed = Object.fromEntries(Object.entries(FAKE_TRACK_PTZ).reverse());
		expect(keys(availableControls(reversed, undefined))).toEqual(keys(availableControls(FAKE_TRACK_PTZ, undefined)));
	});

	it('orders a webcam with image adjustments as a camera app does', () => {
		expect(keys(availableControls(UVC_TRACK, undefined))).toEqual([
			'exposureMode',
			'exposureTime',
			'whiteBalanceMode',
			'colorTemperature',
			'brightness',
			'contrast',
			'saturation',
			'sharpness'
		]);
	});

	it('never offers width, height, frameRate, aspectRatio, resizeMode, facingMode or deviceId', () => {
		const offered = keys(availableControls({ ...FAKE_TRACK_PTZ, ...PHONE_TRACK }, PHONE_PHOTO));
		for (const key of ['width', 'height', 'frameRate', 'aspectRatio', 'resizeMode', 'facingMode', 'deviceId', 'groupId']) {
			expect(offered).not.toContain(key);
		}
		expect(offered).not.toContain('imageWidth');
		expect(offered).not.toContain('imageHeight');
	});

	it('describes a range control with its label, unit, target and the reported range', () => {
		const zoom = spec(availableControls(FAKE_TRACK_PTZ, undefined), 'zoom');
		expect(zoom).toEqual({
			key: 'zoom',
			label: 'Zoom',
			kind: 'range',
			unit: '×',
			target: 'track',
			range: { min: 100, max: 400, step: 1 }
		});
	});

	it('describes a select control with the reported modes as options', () => {
		const focusMode = spec(availableControls(PHONE_TRACK, undefined), 'focusMode');
		expect(focusMode).toEqual({
			key: 'focusMode',
			label: 'Focus mode',
			kind: 'select',
			target: 'track',
			options: ['manual', 'single-shot', 'continuous']
		});
	});

	it('records which mode a manual control requires', () => {
		const specs = availableControls({ ...UVC_TRACK, ...FAKE_TRACK }, undefined);
		expect(spec(specs, 'exposureTime').requires).toEqual({ key: 'exposureMode', value: 'manual' });
		expect(spec(specs, 'focusDistance').requires).toEqual({ key: 'focusMode', value: 'manual' });
		expect(spec(specs, 'colorTemperature').requires).toEqual({ key: 'whiteBalanceMode', value: 'manual' });
		expect(spec(specs, 'colorTemperature').unit).toBe('K');
		expect(spec(specs, 'exposureMode').requires).toBeUndefined();
		expect(spec(specs, 'brightness').requires).toBeUndefined();
	});

	it('offers no control for a fixed range (min == max)', () => {
		const specs = availableControls(
			{ zoom: { min: 100, max: 100, step: 1 }, exposureCompensation: { min: 0, max: 0, step: 0 } },
			undefined
		);
		expect(specs).toEqual([]);
	});

	it('offers no control for an inverted, half-open or empty range', () => {
		const specs = availableControls(
			{
				zoom: { min: 400, max: 100 },
				pan: { min: -36000 },
				tilt: { max: 36000 },
				brightness: {},
				contrast: 128
			},
			undefined
		);
		expect(specs).toEqual([]);
	});

	it('offers no select for a single mode or an empty list', () => {
		const specs = availableControls(
			{ exposureMode: ['continuous'], focusMode: [], whiteBalanceMode: 'manual' },
			undefined
		);
		expect(specs).toEqual([]);
	});

	it('offers the range control alone when its mode select has a single mode', () => {
		const specs = availableControls({ exposureMode: ['manual'], exposureTime: { min: 10, max: 100, step: 1 } }, undefined);
		expect(keys(specs)).toEqual(['exposureTime']);
	});

	it('offers a torch toggle for [true, false], [true] or true', () => {
		for (const torch of [[true, false], [false, true], [true], true]) {
			const specs = availableControls({ torch }, undefined);
			expect(specs).toEqual([{ key: 'torch', label: 'Torch', kind: 'toggle', target: 'track' }]);
		}
	});

	it('offers no torch for [false], false, an empty list or a truthy non-boolean', () => {
		for (const torch of [[false], false, [], 'true', 1, ['true']]) {
			expect(availableControls({ torch }, undefined)).toEqual([]);
		}
	});

	it('offers no photo controls for the fake camera (no fill light, red-eye "never")', () => {
		const specs = availableControls(FAKE_TRACK, FAKE_PHOTO);
		expect(specs.filter((s) => s.target === 'photo')).toEqual([]);
	});

	it("offers a phone's flash modes and red-eye reduction after the track controls", () => {
		const specs = availableControls(PHONE_TRACK, PHONE_PHOTO);
		expect(keys(specs)).toEqual([
			'zoom',
			'exposureMode',
			'exposureCompensation',
			'iso',
			'focusMode',
			'whiteBalanceMode',
			'colorTemperature',
			'torch',
			'fillLightMode',
			'redEyeReduction'
		]);
		expect(spec(specs, 'fillLightMode')).toEqual({
			key: 'fillLightMode',
			label: 'Flash',
			kind: 'select',
			target: 'photo',
			options: ['auto', 'off', 'flash']
		});
		expect(spec(specs, 'redEyeReduction')).toEqual({
			key: 'redEyeReduction',
			label: 'Red-eye reduction',
			kind: 'toggle',
			target: 'photo'
		});
	});

	it('copies the fill-light modes rather than sharing the capability array', () => {
		const photo: PhotoCaps = { fillLightMode: ['auto', 'off', 'flash'] };
		const options = spec(availableControls(undefined, photo), 'fillLightMode').options!;
		photo.fillLightMode!.push('torch');
		expect(options).toEqual(['auto', 'off', 'flash']);
	});

	it('offers no flash for a single fill-light mode', () => {
		expect(availableControls(undefined, { fillLightMode: ['off'] })).toEqual([]);
	});

	it("offers red-eye reduction only when it is 'controllable'", () => {
		for (const redEyeReduction of ['never', 'always']) {
			expect(availableControls(undefined, { redEyeReduction })).toEqual([]);
		}
		expect(keys(availableControls(undefined, { redEyeReduction: 'controllable' }))).toEqual(['redEyeReduction']);
	});

	it('offers only photo controls when there are no track capabilities', () => {
		expect(keys(availableControls(null, PHONE_PHOTO))).toEqual(['fillLightMode', 'redEyeReduction']);
		expect(keys(availableControls(undefined, PHONE_PHOTO))).toEqual(['fillLightMode', 'redEyeReduction']);
	});

	it('offers nothing when neither capability set is known', () => {
		expect(availableControls(null, undefined)).toEqual([]);
		expect(availableControls(undefined, undefined)).toEqual([]);
		expect(availableControls({}, {})).toEqual([]);
	});
});

describe('clampControl', () => {
	const ptz = availableControls(FAKE_TRACK_PTZ, undefined);
	const phone = availableControls(PHONE_TRACK, PHONE_PHOTO);
	const zoom = spec(ptz, 'zoom');
	const pan = spec(ptz, 'pan');
	const ev = spec(phone, 'exposureCompensation');

	it('clamps a range value into the reported range', () => {
		expect(clampControl(zoom, 450)).toBe(400);
		expect(clampControl(zoom, 50)).toBe(100);
		expect(clampControl(zoom, 250)).toBe(250);
		expect(clampControl(zoom, 100)).toBe(100);
		expect(clampControl(zoom, 400)).toBe(400);
	});

	it('snaps a range value onto the step grid', () => {
		expect(clampControl(zoom, 157.4)).toBe(157);
		expect(clampControl(zoom, 157.5)).toBe(158);
	});

	it('snaps onto a coarse step counted from min', () => {
		expect(clampControl(pan, 5000)).toBe(3600);
		expect(clampControl(pan, 5500)).toBe(7200);
		expect(clampControl(pan, -40000)).toBe(-36000);
		expect(clampControl(pan, 0)).toBe(0);
	});

	it('snaps onto a float step without floating point dust', () => {
		expect(clampControl(ev, 0.33)).toBe(0.3);
		expect(clampControl(ev, 0.07)).toBe(0.1);
		expect(clampControl(ev, -1.26)).toBe(-1.3);
		expect(clampControl(ev, 1.96)).toBe(2);
		expect(clampControl(ev, 2)).toBe(2);
		expect(clampControl(ev, 2.5)).toBe(2);
		expect(clampControl(ev, -3)).toBe(-2);
	});

	it('rejects a range value that is not a finite number', () => {
		expect(clampControl(zoom, Number.NaN)).toBeUndefined();
		expect(clampControl(zoom, Number.POSITIVE_INFINITY)).toBeUndefined();
		expect(clampControl(zoom, '200')).toBeUndefined();
		expect(clampControl(zoom, true)).toBeUndefined();
		expect(clampControl(zoom, undefined)).toBeUndefined();
		expect(clampControl(zoom, null)).toBeUndefined();
	});

	it('accepts only a mode the select offers', () => {
		const focusMode = spec(phone, 'focusMode');
		expect(clampControl(focusMode, 'manual')).toBe('manual');
		expect(clampControl(focusMode, 'single-shot')).toBe('single-shot');
		expect(clampControl(focusMode, 'none')).toBeUndefined();
		expect(clampControl(focusMode, 'Manual')).toBeUndefined();
		expect(clampControl(focusMode, '')).toBeUndefined();
		expect(clampControl(focusMode, 1)).toBeUndefined();
		expect(clampControl(focusMode, undefined)).toBeUndefined();
	});

	it("rejects a mode another camera offers but this one doesn't", () => {
		const fakeFocus = spec(ptz, 'focusMode');
		expect(clampControl(fakeFocus, 'single-shot')).toBeUndefined();
		const flash = spec(phone, 'fillLightMode');
		expect(clampControl(flash, 'flash')).toBe('flash');
		expect(clampControl(flash, 'torch')).toBeUndefined();
	});

	it('accepts only booleans for a toggle', () => {
		const torch = spec(phone, 'torch');
		expect(clampControl(torch, true)).toBe(true);
		expect(clampControl(torch, false)).toBe(false);
		expect(clampControl(torch, 'true')).toBeUndefined();
		expect(clampControl(torch, 1)).toBeUndefined();
		expect(clampControl(torch, 0)).toBeUndefined();
		expect(clampControl(torch, null)).toBeUndefined();
		const redEye = spec(phone, 'redEyeReduction');
		expect(clampControl(redEye, false)).toBe(false);
		expect(clampControl(redEye, 'on')).toBeUndefined();
	});
});

describe('trackConstraints', () => {
	const ptz = availableControls(FAKE_TRACK_PTZ, FAKE_PHOTO);
	const phone = availableControls(PHONE_TRACK, PHONE_PHOTO);
	const uvc = availableControls(UVC_TRACK, undefined);

	it('passes valid values through', () => {
		expect(trackConstraints(ptz, { zoom: 200, pan: 3600, tilt: -7200, focusMode: 'continuous' })).toEqual({
			zoom: 200,
			pan: 3600,
			tilt: -7200,
			focusMode: 'continuous'
		});
	});

	it('clamps range values to the range and step', () => {
		expect(trackConstraints(ptz, { zoom: 450, pan: 5000, tilt: -99999 })).toEqual({
			zoom: 400,
			pan: 3600,
			tilt: -36000
		});
		expect(trackConstraints(ptz, { zoom: 157.4 })).toEqual({ zoom: 157 });
		expect(trackConstraints(phone, { exposureCompensation: 0.33, zoom: 2.54 })).toEqual({
			exposureCompensation: 0.3,
			zoom: 2.5
		});
	});

	it('drops invalid values', () => {
		expect(
			trackConstraints(phone, {
				zoom: Number.NaN,
				iso: '400',
				focusMode: 'macro',
				whiteBalanceMode: 'Manual',
				torch: 'on' as unknown as boolean
			})
		).toEqual({});
	});

	it('skips keys that are not controls of this camera', () => {
		expect(
			trackConstraints(ptz, {
				width: 1280,
				height: 720,
				frameRate: 30,
				deviceId: 'other',
				torch: true,
				exposureCompensation: 1,
				zoom: 150
			})
		).toEqual({ zoom: 150 });
	});

	it('skips photo controls (they go to takePhoto, not applyConstraints)', () => {
		expect(trackConstraints(phone, { fillLightMode: 'flash', redEyeReduction: true, torch: true })).toEqual({
			torch: true
		});
	});

	it('returns an empty set for no values or no controls', () => {
		expect(trackConstraints(ptz, {})).toEqual({});
		expect(trackConstraints([], { zoom: 200, exposureTime: 50 })).toEqual({});
	});

	it('switches exposure to manual when only an exposure time is given', () => {
		expect(trackConstraints(ptz, { exposureTime: 50 })).toEqual({ exposureTime: 50, exposureMode: 'manual' });
	});

	it('switches focus to manual when only a focus distance is given', () => {
		expect(trackConstraints(ptz, { focusDistance: 42 })).toEqual({ focusDistance: 42, focusMode: 'manual' });
	});

	it('switches white balance to manual when only a colour temperature is given, clamped', () => {
		expect(trackConstraints(uvc, { colorTemperature: 9000 })).toEqual({
			colorTemperature: 6500,
			whiteBalanceMode: 'manual'
		});
		expect(trackConstraints(phone, { colorTemperature: 5020 })).toEqual({
			colorTemperature: 5000,
			whiteBalanceMode: 'manual'
		});
	});

	it('brings the required mode along for the clamped value, not only an in-range one', () => {
		expect(trackConstraints(ptz, { exposureTime: 5000 })).toEqual({ exposureTime: 100, exposureMode: 'manual' });
	});

	it('keeps the mode when the values already say manual', () => {
		expect(trackConstraints(ptz, { exposureMode: 'manual', exposureTime: 50 })).toEqual({
			exposureMode: 'manual',
			exposureTime: 50
		});
		expect(trackConstraints(ptz, { focusDistance: 30, focusMode: 'manual' })).toEqual({
			focusDistance: 30,
			focusMode: 'manual'
		});
	});

	it('brings each required mode along for several manual controls at once', () => {
		const both = availableControls({ ...UVC_TRACK, ...FAKE_TRACK }, undefined);
		expect(trackConstraints(both, { exposureTime: 20, focusDistance: 80, colorTemperature: 4000 })).toEqual({
			exposureTime: 20,
			exposureMode: 'manual',
			focusDistance: 80,
			focusMode: 'manual',
			colorTemperature: 4000,
			whiteBalanceMode: 'manual'
		});
	});

	it("does not add the mode when the camera's mode select has no 'manual'", () => {
		const specs = availableControls(
			{
				exposureMode: ['continuous', 'single-shot'],
				exposureTime: { min: 10, max: 100, step: 1 },
				focusMode: ['continuous', 'single-shot'],
				focusDistance: { min: 10, max: 100, step: 1 }
			},
			undefined
		);
		expect(trackConstraints(specs, { exposureTime: 50, focusDistance: 20 })).toEqual({
			exposureTime: 50,
			focusDistance: 20
		});
	});

	it('does not add the mode when the camera offers no mode select at all', () => {
		const specs = availableControls({ focusDistance: { min: 0, max: 10, step: 0.5 } }, undefined);
		expect(trackConstraints(specs, { focusDistance: 3.3 })).toEqual({ focusDistance: 3.5 });
		const single = availableControls({ exposureMode: ['manual'], exposureTime: { min: 10, max: 100, step: 1 } }, undefined);
		expect(trackConstraints(single, { exposureTime: 50 })).toEqual({ exposureTime: 50 });
	});

	it('does not add the mode when the manual value itself is invalid', () => {
		expect(trackConstraints(ptz, { exposureTime: Number.NaN, focusDistance: 'near' })).toEqual({});
	});
});

describe('photoControlSettings', () => {
	const phone = availableControls(PHONE_TRACK, PHONE_PHOTO);

	it('returns the flash mode and red-eye reduction for takePhoto()', () => {
		expect(photoControlSettings(phone, { fillLightMode: 'flash', redEyeReduction: true })).toEqual({
			fillLightMode: 'flash',
			redEyeReduction: true
		});
		expect(photoControlSettings(phone, { fillLightMode: 'off', redEyeReduction: false })).toEqual({
			fillLightMode: 'off',
			redEyeReduction: false
		});
	});

	it('leaves out values the camera does not accept', () => {
		expect(photoControlSettings(phone, { fillLightMode: 'torch', redEyeReduction: 'yes' as unknown as boolean })).toEqual(
			{}
		);
		expect(photoControlSettings(phone, { fillLightMode: 'auto', redEyeReduction: 1 as unknown as boolean })).toEqual({
			fillLightMode: 'auto'
		});
	});

	it('ignores track controls and unknown keys', () => {
		expect(photoControlSettings(phone, { zoom: 2, torch: true, imageWidth: 640 })).toEqual({});
	});

	it('returns nothing when no values are stored', () => {
		expect(photoControlSettings(phone, {})).toEqual({});
	});

	it('returns nothing for a camera without photo controls, whatever the values', () => {
		const fake = availableControls(FAKE_TRACK, FAKE_PHOTO);
		expect(photoControlSettings(fake, { fillLightMode: 'flash', redEyeReduction: true })).toEqual({});
	});
});

describe('currentValues', () => {
	it("picks the controls' values from the fake camera's settings and nothing else", () => {
		const specs = availableControls(FAKE_TRACK_PTZ, FAKE_PHOTO);
		const settings = {
			deviceId: 'x',
			groupId: 'g',
			width: 640,
			height: 480,
			frameRate: 30,
			aspectRatio: 1.3333333333333333,
			resizeMode: 'none',
			exposureMode: 'continuous',
			exposureTime: 50,
			focusMode: 'continuous',
			focusDistance: 50,
			zoom: 100,
			pan: 0,
			tilt: 0
		};
		expect(currentValues(specs, settings)).toEqual({
			zoom: 100,
			pan: 0,
			tilt: 0,
			exposureMode: 'continuous',
			exposureTime: 50,
			focusMode: 'continuous',
			focusDistance: 50
		});
	});

	it('clamps a setting that lies off the reported range or step', () => {
		const specs = availableControls(PHONE_TRACK, undefined);
		expect(currentValues(specs, { zoom: 1.04, exposureCompensation: 0.30000000000000004, iso: 6400 })).toEqual({
			zoom: 1,
			exposureCompensation: 0.3,
			iso: 3200
		});
	});

	it('omits controls the settings lack or report invalidly', () => {
		const specs = availableControls(PHONE_TRACK, undefined);
		expect(currentValues(specs, { zoom: 2, focusMode: 'macro', torch: 'off' })).toEqual({ zoom: 2 });
		expect(currentValues(specs, {})).toEqual({});
	});

	it('keeps a torch that is off', () => {
		const specs = availableControls(PHONE_TRACK, undefined);
		expect(currentValues(specs, { torch: false })).toEqual({ torch: false });
	});

	it('skips photo controls even when the settings hold their keys', () => {
		const specs = availableControls(PHONE_TRACK, PHONE_PHOTO);
		expect(currentValues(specs, { fillLightMode: 'flash', redEyeReduction: true, zoom: 3 })).toEqual({ zoom: 3 });
	});
});

describe('formatControlValue', () => {
	const ptz = availableControls(FAKE_TRACK_PTZ, FAKE_PHOTO);
	const phone = availableControls(PHONE_TRACK, PHONE_PHOTO);
	const uvc = availableControls(UVC_TRACK, undefined);

	it('shows zoom as a multiple of the minimum zoom', () => {
		const zoom = spec(ptz, 'zoom');
		expect(formatControlValue(zoom, 100)).toBe('1×');
		expect(formatControlValue(zoom, 200)).toBe('2×');
		expect(formatControlValue(zoom, 400)).toBe('4×');
		expect(formatControlValue(zoom, 150)).toBe('1.5×');
		expect(formatControlValue(zoom, 133)).toBe('1.33×');
	});

	it('shows a phone zoom (min 1) as the value itself', () => {
		const zoom = spec(phone, 'zoom');
		expect(formatControlValue(zoom, 2.5)).toBe('2.5×');
		expect(formatControlValue(zoom, 1)).toBe('1×');
	});

	it('treats a zoom range starting at 0 as a divisor of 1', () => {
		const zoom = spec(availableControls({ zoom: { min: 0, max: 10, step: 1 } }, undefined), 'zoom');
		expect(formatControlValue(zoom, 3)).toBe('3×');
	});

	it('shows booleans as On and Off', () => {
		expect(formatControlValue(spec(phone, 'torch'), true)).toBe('On');
		expect(formatControlValue(spec(phone, 'torch'), false)).toBe('Off');
		expect(formatControlValue(spec(phone, 'redEyeReduction'), true)).toBe('On');
	});

	it('capitalises modes and replaces hyphens with spaces', () => {
		expect(formatControlValue(spec(ptz, 'exposureMode'), 'continuous')).toBe('Continuous');
		expect(formatControlValue(spec(ptz, 'focusMode'), 'manual')).toBe('Manual');
		expect(formatControlValue(spec(phone, 'focusMode'), 'single-shot')).toBe('Single shot');
		expect(formatControlValue(spec(phone, 'fillLightMode'), 'flash')).toBe('Flash');
	});

	it('appends the unit after a space', () => {
		expect(formatControlValue(spec(phone, 'exposureCompensation'), -1.5)).toBe('-1.5 EV');
		expect(formatControlValue(spec(phone, 'exposureCompensation'), 0)).toBe('0 EV');
		expect(formatControlValue(spec(uvc, 'colorTemperature'), 5000)).toBe('5000 K');
	});

	it('removes floating point dust and keeps at most two decimals', () => {
		expect(formatControlValue(spec(phone, 'exposureCompensation'), 0.30000000000000004)).toBe('0.3 EV');
		expect(formatControlValue(spec(phone, 'exposureCompensation'), 0.1 + 0.2)).toBe('0.3 EV');
		expect(formatControlValue(spec(ptz, 'exposureTime'), 33.3333)).toBe('33.33');
		expect(formatControlValue(spec(ptz, 'focusDistance'), 12.5)).toBe('12.5');
	});

	it('shows a unitless value as the bare number', () => {
		expect(formatControlValue(spec(uvc, 'brightness'), 128)).toBe('128');
		expect(formatControlValue(spec(phone, 'iso'), 400)).toBe('400');
		expect(formatControlValue(spec(ptz, 'exposureTime'), 10)).toBe('10');
	});

	it('shows nothing for an undefined value', () => {
		expect(formatControlValue(spec(ptz, 'zoom'), undefined)).toBe('');
		expect(formatControlValue(spec(phone, 'torch'), undefined)).toBe('');
		expect(formatControlValue(spec(ptz, 'focusMode'), undefined)).toBe('');
	});
});

describe('fixes found by review', () => {
	const fake = availableControls(
		{
			exposureMode: ['continuous', 'manual'],
			exposureTime: { min: 10, max: 100, step: 1 },
			pan: { min: -36000, max: 36000, step: 3600 }
		},
		undefined
	);

	it('trackConstraints does not depend on the order of keys', () => {
		const a = trackConstraints(fake, { exposureMode: 'continuous', exposureTime: 50 });
		const b = trackConstraints(fake, { exposureTime: 50, exposureMode: 'continuous' });
		expect(a).toEqual({ exposureMode: 'manual', exposureTime: 50 });
		expect(b).toEqual(a);
	});

	it('formatControlValue takes an empty string', () => {
		const mode = fake.find((s) => s.key === 'exposureMode')!;
		expect(formatControlValue(mode, '')).toBe('');
	});

	it('shows pan and tilt in degrees (the values are arc seconds)', () => {
		const pan = fake.find((s) => s.key === 'pan')!;
		expect(formatControlValue(pan, 3600)).toBe('1°');
		expect(formatControlValue(pan, -36000)).toBe('-10°');
	});
});
