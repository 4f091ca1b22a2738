/// <reference lib="webworker" />
/**
 * An import worker: takes files in (intake.ts) off the page's thread, a few at a time from the
 * queue the page sends it, and stores the photos itself in batches (store-batch.ts,
 * writeImported: whole or absent). What became of each file goes back to the page in lists,
 * not one message a file: with thousands of files, the page's share of each message counted.
 */
import type { IDBPDatabase } from 'idb';
import { announce } from '$lib/photos/changes';
import { openBoothDB, type BoothDB } from '$lib/photos/db';
import { writeImported } from '$lib/photos/imported';
import { isBlobRefused } from '$lib/photos/write';
import { intake } from './intake';
import { StoreBatch } from './store-batch';
import type { IntakeJob, IntakeRequest, IntakeReply, IntakeResult } from './intake-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Files taken in at once: reading one overlaps decoding another. */
const AT_ONCE = 4;
/** ...and the most bytes of them in hand at once. */
const MAX_BYTES = 64 * 1024 * 1024;

let db: Promise<IDBPDatabase<BoothDB>> | undefined;
const open = () =>
	(db ??= openBoothDB({ onVersionChange: () => (db = undefined) }).catch((e) => {
		db = undefined;
		throw e;
	}));

/** Originals as Blobs, as the page stores them, until the browser refuses one (then bytes). */
let asBlobs = true;
const batch = new StoreBatch(async (photos) => {
	const conn = await open();
	let outcomes;
	try {
		outcomes = await writeImported(conn, asBlobs, photos);
	} catch (e) {
		if (!asBlobs || !isBlobRefused(e)) throw e;
		asBlobs = false;
		scope.postMessage({ blobsRefused: true } satisfies IntakeReply);
		outcomes = await writeImported(conn, false, photos);
	}
	// Told at once, from here, to this tab and the others (the page may stop this worker at any
	// moment after the commit; the news must not wait for the page's count).
	announce(photos.filter((_, i) => outcomes[i] === 'added').map((p) => ({ type: 'added' as const, id: p.meta.id })));
	return outcomes;
});

const queue: IntakeJob[] = [];
let busy = 0;
const outbox: IntakeResult[] = [];
const taken: number[] = [];
let posting = false;

/** Sends what is ready in one message, once the current task is done. */
function post(): void {
	if (posting) return;
	posting = true;
	setTimeout(() => {
		posting = false;
		if (!outbox.length && !taken.length) return;
		scope.postMessage({ results: outbox.splice(0), taken: taken.splice(0) } satisfies IntakeReply);
	});
}

const failure = (e: unknown) => ({ name: (e as Error)?.name ?? 'Error', message: String((e as Error)?.message ?? e) });

async function one(job: IntakeJob): Promise<void> {
	let r;
	try {
		r = await intake(job.file, job.lastModified, true);
	} catch (e) {
		outbox.push({ id: job.id, error: failure(e) });
	}
	if (job.ack) taken.push(job.id);
	if (r && r.kind !== 'photo') outbox.push({ id: job.id, intake: r });
	post();
	if (r?.kind !== 'photo') return;
	const { meta } = r;
	// The bytes read, hashed and checksummed are the ones stored (the file on disk may change).
	const data = r.bytes ?? job.file;
	const stored = batch.add({ meta, data, crc: r.crc, thumbnail: { ...r.thumbnail, id: meta.id } });
	void stored.then(
		(outcome) => outbox.push({ id: job.id, stored: outcome, photo: meta.id }),
		(e) => outbox.push({ id: job.id, error: failure(e) })
	).then(post);
}

/** Bytes of the files being taken in (each is read whole: a camera's 50 MB JPEG is too). */
let busyBytes = 0;

/**
 * Takes files in while there are any, AT_ONCE at a time and within MAX_BYTES (a larger file is
 * taken alone); when none is left in hand, stores what waits.
 */
function pump(): void {
	while (busy < AT_ONCE && queue.length && (busy === 0 || busyBytes + queue[0].file.size <= MAX_BYTES)) {
		const job = queue.shift()!;
		const size = job.file.size;
		busy++;
		busyBytes += size;
		void one(job).finally(() => {
			busy--;
			busyBytes -= size;
			pump();
		});
	}
	if (busy === 0) void batch.flush();
}

scope.onmessage = (event: MessageEvent<IntakeRequest>) => {
	asBlobs &&= event.data.blobs;
	queue.push(...event.data.jobs);
	pump();
};
