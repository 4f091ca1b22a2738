/**
 * Moves photos stored as bytes to Blobs in the background (see PhotoRepository.upgradeOriginals),
 * while the gallery is open: not while the camera is, whose saves would queue behind the
 * rewrites, and not during an export or import, which reads the same store.
 */
import { task } from '$lib/tasks/task.svelte';
import { readLocal, STORE_KEYS, writeLocal } from '$lib/local-store';
import { photos } from './repository';

/** How long the gallery is left alone first: its first screen and thumbnails come before this. */
const START_AFTER_MS = 3000;


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits for an idle moment, and for any long job to end. */
async function pause(signal: AbortSignal): Promise<void> {
	if (typeof requestIdleCallback === 'function') {
		await new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 }));
	} else await sleep(50);
	while (task.running && !signal.aborted) await sleep(500);
}

/**
 * Set once a pass has found every photo moved: from then on the app writes Blobs only (imports
 * and Undo included), so the pass need not look through the photos at every visit. Where
 * storage is refused the pass simply runs again.
 */
const done = () => readLocal(STORE_KEYS.originalsUpgraded) === '1';

/** Starts the upgrade after a while; the returned function stops it (it goes on another time). */
export function upgradeInBackground(): () => void {
	if (!photos.storesBlobs || done()) return () => {};
	const controller = new AbortController();
	const { signal } = controller;
	const timer = setTimeout(() => {
		photos
			.upgradeOriginals({ signal, pause: () => pause(signal) })
			.then((moved) => {
				if (signal.aborted || !photos.storesBlobs) return;
				writeLocal(STORE_KEYS.originalsUpgraded, '1');
				if (moved) console.info(`Photo Booth moved ${moved} older photos to Blobs.`);
			})
			.catch((e: unknown) => console.warn('Moving older photos to Blobs stopped:', e));
	}, START_AFTER_MS);
	return () => {
		clearTimeout(timer);
		controller.abort();
	};
}
