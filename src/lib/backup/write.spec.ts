import { describe, expect, it } from 'vitest';
import type { PhotoMeta } from '$lib/photos/types';
import { backupJob } from './write';
import { MANIFEST_NAME, parseManifest } from './manifest';

const meta = (id: string, takenAt: number): PhotoMeta => ({
	id,
	takenAt,
	width: 640,
	height: 480,
	type: 'image/jpeg',
	size: 10,
	camera: 'Cam',
	favorite: 0
});

describe('backupJob', () => {
	it('names every photo in photos/, takes thumbnails that exist, keeps bytes exact, and writes the manifest', () => {
		const t = Date.UTC(2026, 10, 24, 12, 0, 0);
		const job = backupJob([meta('a', t), meta('b', t)], new Set(['b']), { countdown: 3 });
		expect(job.exif).toBe(false);
		expect(job.files.map((f) => f.name)).toEqual([expect.stringMatching(/^photos\/photobooth-.*\.jpg$/), expect.stringMatching(/-2\.jpg$/)]);
		expect(job.files.map((f) => f.thumbnail)).toEqual([undefined, 'thumbnails/b.jpg']);
		const manifest = parseManifest(job.extra![MANIFEST_NAME]);
		expect(manifest.photos.map((p) => [p.id, p.file, p.thumbnail])).toEqual(job.files.map((f) => [f.meta.id, f.name, f.thumbnail]));
		expect(manifest.settings).toEqual({ countdown: 3 });
	});
});
