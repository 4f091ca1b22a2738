/**
 * Property tests over the places where outside data comes in: a backup's manifest, an image's
 * first bytes, stored settings. No input throws outside the reported reasons, and nothing that
 * is accepted fails to render (its alt text, day heading and file name are made without error).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildManifest, ManifestError, metaFromManifest, parseManifest } from './backup/manifest';
import { fileStamp, formatDateTime, formatDay, itemAlt } from './format';
import { sniff } from './pixels/sniff';
import { DEFAULTS, parseStored, validateField, validateSettings, type BoothSettings } from './settings/schema';
import { isPhotoTime } from './time';

const RUNS = 2000;

/** A photo entry as a backup might hold it, each field sometimes odd. */
const oddValue = fc.oneof(
	fc.jsonValue(),
	fc.constantFrom(8_700_000_000_000_000, Number.MAX_SAFE_INTEGER, -1, 0, 1.5, '1700000000000', '__proto__', null, [], {}),
	fc.integer(),
	fc.string()
);
const photoEntry = fc.record(
	{
		id: fc.oneof(fc.string({ maxLength: 40 }), oddValue),
		file: fc.oneof(fc.string({ maxLength: 40 }), oddValue),
		takenAt: fc.oneof(fc.integer({ min: 0, max: 8_640_000_000_000_000 }), oddValue),
		width: fc.oneof(fc.integer({ min: 1, max: 10_000 }), oddValue),
		height: fc.oneof(fc.integer({ min: 1, max: 10_000 }), oddValue),
		type: fc.oneof(fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'text/html'), oddValue),
		size: fc.oneof(fc.nat(), oddValue),
		camera: oddValue,
		favorite: oddValue,
		thumbnail: oddValue,
		strip: oddValue,
		prints: oddValue
	},
	{ requiredKeys: [] }
);
const manifestText = fc.oneof(
	fc.string(),
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc
		.record(
			{ format: fc.oneof(fc.constant('photobooth-backup'), oddValue), version: fc.oneof(fc.constant(1), oddValue), photos: fc.oneof(fc.array(photoEntry, { maxLength: 6 }), oddValue), settings: oddValue, overlays: oddValue },
			{ requiredKeys: [] }
		)
		.map((m) => JSON.stringify(m))
);

describe('the backup manifest, given anything', () => {
	it('throws only its own reason, and every photo it accepts can be shown', () => {
		fc.assert(
			fc.property(manifestText, (text) => {
				let parsed: ReturnType<typeof parseManifest>;
				try {
					parsed = parseManifest(text);
				} catch (e) {
					expect(e).toBeInstanceOf(ManifestError);
					return;
				}
				for (const p of parsed.photos) {
					expect(isPhotoTime(p.takenAt)).toBe(true);
					const meta = metaFromManifest(p, 1, { width: 10, height: 10 });
					expect(itemAlt(meta)).toMatch(/^(Photo|Strip)/);
					expect(formatDay(meta.takenAt)).toBeTruthy();
					expect(formatDateTime(meta.takenAt)).toBeTruthy();
					expect(fileStamp(meta.takenAt)).toMatch(/^\d{4}-\d\d-\d\d-\d{6}$/);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('reads back every manifest it writes', () => {
		const meta = fc.record({
			id: fc.string({ minLength: 1, maxLength: 30 }),
			takenAt: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }),
			width: fc.integer({ min: 1, max: 20_000 }),
			height: fc.integer({ min: 1, max: 20_000 }),
			type: fc.constantFrom('image/jpeg', 'image/png', 'image/webp'),
			size: fc.nat(),
			camera: fc.string({ maxLength: 50 }),
			favorite: fc.constantFrom(0 as const, 1 as const)
		});
		fc.assert(
			fc.property(fc.array(meta, { maxLength: 5 }), (metas) => {
				const built = buildManifest(metas.map((m, i) => ({ meta: m, name: `photos/${i}.jpg` })), {});
				const parsed = parseManifest(JSON.stringify(built));
				expect(parsed.bad).toBe(0);
				expect(parsed.photos.map((p) => p.takenAt)).toEqual(metas.map((m) => m.takenAt));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the image sniffer, given any bytes', () => {
	it('names one of the kinds it knows or none, and never throws', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
				expect([null, 'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'zip']).toContain(sniff(bytes));
			}),
			{ numRuns: RUNS }
		);
	});
});

describe('the settings loader, given anything stored', () => {
	it('always gives whole, valid settings', () => {
		const stored = fc.oneof(
			fc.string(),
			fc.jsonValue().map((v) => JSON.stringify(v)),
			fc.dictionary(fc.constantFrom(...(Object.keys(DEFAULTS) as string[]), '__proto__', 'version', 'burst'), oddValue).map((o) => JSON.stringify(o))
		);
		fc.assert(
			fc.property(stored, (text) => {
				const s = parseStored(text);
				for (const key of Object.keys(DEFAULTS) as (keyof BoothSettings)[]) {
					expect(validateField(key, s[key])).toEqual(s[key]);
				}
				expect(validateSettings(s)).toEqual(s);
			}),
			{ numRuns: RUNS }
		);
	}, 30_000); // 2,000 runs: 4 s alone here, more beside other work (5 s was the default limit).
});
