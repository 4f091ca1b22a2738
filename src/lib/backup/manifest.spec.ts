import { describe, expect, it } from 'vitest';
import type { PhotoMeta } from '$lib/photos/types';
import { ManifestError, buildManifest, metaFromManifest, parseManifest } from './manifest';

const meta = (id: string, favorite: 0 | 1 = 0): PhotoMeta => ({
	id,
	takenAt: 1_700_000_000_000,
	width: 1280,
	height: 720,
	type: 'image/jpeg',
	size: 1234,
	camera: 'Cam',
	favorite
});

describe('backup manifest', () => {
	it('round-trips photos, favourites and settings', () => {
		const built = buildManifest(
			[
				{ meta: meta('a', 1), name: 'photos/a.jpg', thumbnail: 'thumbnails/a.jpg' },
				{ meta: meta('b'), name: 'photos/b.jpg' }
			],
			{ format: 'image/png' },
			new Date(0)
		);
		const parsed = parseManifest(JSON.stringify(built));
		expect(parsed.bad).toBe(0);
		expect(parsed.settings).toEqual({ format: 'image/png' });
		expect(parsed.photos.map((p) => [p.id, p.file, p.favorite, p.thumbnail])).toEqual([
			['a', 'photos/a.jpg', true, 'thumbnails/a.jpg'],
			['b', 'photos/b.jpg', false, undefined]
		]);
		expect(metaFromManifest(parsed.photos[0], 1234, { width: 1280, height: 720 })).toEqual(meta('a', 1));
	});

	it('rejects what is not a Photo Booth manifest', () => {
		expect(() => parseManifest('{nope')).toThrow(ManifestError);
		expect(() => parseManifest('{"format":"other"}')).toThrow(/unknown format/);
		expect(() => parseManifest('{"format":"photobooth-backup","version":2,"photos":[]}')).toThrow(/version 2/);
		expect(() => parseManifest('{"format":"photobooth-backup","version":1}')).toThrow(/no photo list/);
	});

	it('counts entries it cannot trust instead of importing them', () => {
		const good = buildManifest([{ meta: meta('a'), name: 'photos/a.jpg' }], {}).photos[0];
		const text = JSON.stringify({
			format: 'photobooth-backup',
			version: 1,
			photos: [good, { ...good, id: '' }, { ...good, type: 'text/html' }, { ...good, width: -1 }, 'x', null]
		});
		const parsed = parseManifest(text);
		expect(parsed.photos).toHaveLength(1);
		expect(parsed.bad).toBe(5);
	});

	it('refuses a time no date can show (it stopped every page that showed the photo)', () => {
		const good = buildManifest([{ meta: meta('a'), name: 'photos/a.jpg' }], {}).photos[0];
		const times = [8_700_000_000_000_000, Number.MAX_SAFE_INTEGER, '1700000000000', -1, 1.5, Date.UTC(10000, 0, 1)];
		const parsed = parseManifest(JSON.stringify({ format: 'photobooth-backup', version: 1, photos: times.map((takenAt) => ({ ...good, takenAt })) }));
		expect(parsed.photos).toEqual([]);
		expect(parsed.bad).toBe(times.length);
	});

	it('takes a photo’s pixel size from the image, not from what the manifest claims', () => {
		const good = buildManifest([{ meta: meta('a'), name: 'photos/a.jpg' }], {}).photos[0];
		const [p] = parseManifest(JSON.stringify({ format: 'photobooth-backup', version: 1, photos: [{ ...good, width: 1, height: Number.MAX_SAFE_INTEGER }] })).photos;
		expect(metaFromManifest(p, 10, { width: 1920, height: 1080 })).toMatchObject({ width: 1920, height: 1080 });
	});
});

describe('moving pictures in the manifest', () => {
	const clip: PhotoMeta = { ...meta('m'), type: 'video/mp4', width: 720, height: 404, kind: 'boomerang', duration: 5600, frames: 84 };
	const gif: PhotoMeta = { ...meta('g'), type: 'image/gif', width: 480, height: 270, kind: 'gif', duration: 2000, frames: 10 };

	it('carry a clip’s kind, length and frames through a round trip, its length read from the file where it says', () => {
		const built = buildManifest(
			[
				{ meta: clip, name: 'photos/m.mp4' },
				{ meta: gif, name: 'photos/g.gif' }
			],
			{}
		);
		const parsed = parseManifest(JSON.stringify(built));
		expect(parsed.bad).toBe(0);
		expect(metaFromManifest(parsed.photos[0], 1234, { width: 720, height: 404 })).toEqual(clip);
		expect(metaFromManifest(parsed.photos[0], 1234, { width: 720, height: 404, duration: 5601 }).duration).toBe(5601);
		expect(metaFromManifest(parsed.photos[1], 1234, { width: 480, height: 270 })).toEqual(gif);
	});

	it('drop a motion entry that cannot be trusted, keeping the picture', () => {
		const raw = JSON.parse(JSON.stringify(buildManifest([{ meta: clip, name: 'photos/m.mp4' }], {})));
		raw.photos[0].motion = { kind: 'hologram', duration: 5 };
		const parsed = parseManifest(JSON.stringify(raw));
		expect(parsed.photos).toHaveLength(1);
		expect(metaFromManifest(parsed.photos[0], 1, { width: 720, height: 404 }).kind).toBeUndefined();
		raw.photos[0].type = 'video/x-msvideo';
		expect(parseManifest(JSON.stringify(raw)).bad).toBe(1);
	});
});

describe('strips and overlays in the manifest', () => {
	const recipe = { layout: 'postcard' as const, stripShots: 4 as const, shots: ['a', 'b', 'c', 'd'], design: { caption: 'Hi', date: true, background: 'night' }, overlay: 'o1' };
	const strip: PhotoMeta = { ...meta('s'), kind: 'strip', strip: recipe, prints: 2 };

	it('carry a strip’s recipe and prints, and the overlays, through a round trip', () => {
		const built = buildManifest([{ meta: strip, name: 'photos/s.jpg' }], {}, new Date(0), [{ id: 'o1', name: 'frame.png', file: 'overlays/o1.png' }]);
		const parsed = parseManifest(JSON.stringify(built));
		expect(parsed.overlays).toEqual([{ id: 'o1', name: 'frame.png', file: 'overlays/o1.png' }]);
		expect(metaFromManifest(parsed.photos[0], strip.size, { width: 1280, height: 720 })).toEqual(strip);
	});

	it('keep a photo whose recipe cannot be trusted, as a plain photo', () => {
		const built = buildManifest([{ meta: strip, name: 'photos/s.jpg' }], {});
		(built.photos[0] as { strip: unknown }).strip = { layout: 'poster', shots: [] };
		const [p] = parseManifest(JSON.stringify(built)).photos;
		expect(metaFromManifest(p, 1, { width: 1, height: 1 }).kind).toBeUndefined();
		expect(parseManifest(JSON.stringify({ ...built, overlays: [{ id: 7 }, 'x'] })).overlays).toEqual([]);
	});
});

describe('events in the manifest', () => {
	it('carry each photo’s event and the names of the events used, not the others', () => {
		const atParty: PhotoMeta = { ...meta('p1'), event: 'e1' };
		const events = [
			{ id: 'e1', name: 'Garden party', mode: 'strip' as const, startedAt: 5, prints: 3 },
			{ id: 'e2', name: 'Unused', mode: 'photo' as const, startedAt: 6, prints: 0 }
		];
		const built = buildManifest([{ meta: atParty, name: 'photos/p1.jpg' }], {}, new Date(0), [], events);
		expect(built.events).toEqual([events[0]]);
		const parsed = parseManifest(JSON.stringify(built));
		expect(parsed.events).toEqual([events[0]]);
		expect(parsed.photos[0].event).toBe('e1');
		expect(metaFromManifest(parsed.photos[0], 10, { width: 4, height: 3 }).event).toBe('e1');
	});

	it('have none where no photo was made at an event, and drop entries that cannot be trusted', () => {
		expect(buildManifest([{ meta: meta('a'), name: 'photos/a.jpg' }], {}, new Date(0), [], []).events).toBeUndefined();
		const text = JSON.stringify({ ...buildManifest([], {}, new Date(0)), events: [{ id: 'x' }, 'nonsense'] });
		expect(parseManifest(text).events).toEqual([]);
	});
});
