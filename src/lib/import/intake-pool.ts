/**
 * The import workers (intake-worker.ts): files are handed to them in lists, and each takes them
 * in and stores the photos itself; what became of each comes back in lists too. The page only
 * keeps count, within a bound on the files sent and not yet done, and on the bytes of archive
 * entries (which are in memory) not yet taken in. Where no worker can start, or one stops, its
 * files are taken in and stored on the page instead, two at a time (intake.ts, then
 * `storeOnPage`): slower. A file a stopped worker had stored already is found here when taken in
 * again, and counted as already here.
 */
import type { ImportOutcome } from '$lib/photos/imported';
import type { ImportedPhoto } from '$lib/photos/types';
import { intake, type Intake } from './intake';
import type { IntakeJob, IntakeReply, IntakeRequest, IntakeResult } from './intake-protocol';

/** What became of a file: stored, or handed back (archive, video, refused). */
export type Taken = { kind: 'stored'; outcome: ImportOutcome } | Exclude<Intake, { kind: 'photo' }>;

/** Files sent to a worker and not yet done, at most (a few batches' worth). */
const PER_WORKER = 96;
/** Files sent to a worker in one message, at most. */
const CHUNK = 16;
/** The most bytes of archive entries waiting to be taken in (one larger is still taken, alone). */
const MAX_BYTES = 96 * 1024 * 1024;
/** Files taken in on the page at once, where there is no worker... */
const ON_PAGE = 2;
/** ...and handed in and not yet stored (a batch's worth: they are stored together). */
const ON_PAGE_IN_HAND = 64;

interface Job extends IntakeJob {
	/** An archive entry's size until it is taken in (then 0); 0 for a File. */
	bytes: number;
	worker?: Worker;
	resolve(r: Taken): void;
	reject(e: Error): void;
}

/** Workers for this machine: one per core, at most four. */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency || 2): number {
	return Math.max(1, Math.min(4, cores));
}

export interface PoolOptions {
	size?: number;
	/** Whether originals go as Blobs (read as files are sent: it may change). */
	blobs(): boolean;
	/** Stores a photo taken in on the page (no worker): with the page's next batch. */
	storeOnPage(photo: ImportedPhoto): Promise<ImportOutcome>;
	/** A worker's write had a Blob refused. */
	blobsRefused(): void;
}

export class IntakePool {
	#workers: Worker[] = [];
	#jobs = new Map<number, Job>();
	#outgoing = new Map<Worker, Job[]>();
	#flushing = false;
	#next = 0;
	#bytes = 0;
	#waiting: (() => void)[] = [];
	#closed = false;

	constructor(private opts: PoolOptions) {
		// (A worker needs OffscreenCanvas for thumbnails: without it, the page takes files in.)
		const size = typeof OffscreenCanvas === 'undefined' ? 0 : (opts.size ?? poolSize());
		for (let i = 0; i < size; i++) {
			try {
				const w = new Worker(new URL('./intake-worker.ts', import.meta.url), { type: 'module', name: `import-${i}` });
				w.onmessage = (e: MessageEvent<IntakeReply>) => this.#reply(e.data);
				w.onerror = (e) => {
					e.preventDefault();
					this.#lost(w);
				};
				w.onmessageerror = () => this.#lost(w);
				this.#workers.push(w);
			} catch {
				break; // no module workers here: the page takes the files in
			}
		}
	}

	get #capacity(): number {
		return this.#workers.length * PER_WORKER || ON_PAGE_IN_HAND;
	}

	/** Resolves when one more file (an archive entry: of `bytes`) may be handed in. */
	async room(bytes = 0): Promise<void> {
		while (this.#jobs.size >= this.#capacity || (this.#bytes > 0 && this.#bytes + bytes > MAX_BYTES)) {
			await new Promise<void>((r) => this.#waiting.push(r));
		}
	}

	/**
	 * Takes one file in and stores it (call after room()). A File's size and time are not read
	 * here: on the page, the first read of either waits for the disk (0.4 ms a file here, 1.5 ms
	 * under load); the worker reads them instead. An archive entry (a Blob in memory) comes with
	 * its time and is counted by its size until taken in.
	 */
	take(file: Blob, entry?: { lastModified: number; bytes: number }): Promise<Taken> {
		if (this.#closed) return Promise.reject(new DOMException('The import was stopped.', 'AbortError'));
		return new Promise<Taken>((resolve, reject) => {
			const job: Job = { id: this.#next++, file, lastModified: entry?.lastModified, ack: !!entry, bytes: entry?.bytes ?? 0, resolve, reject };
			this.#jobs.set(job.id, job);
			this.#bytes += job.bytes;
			this.#send(job);
		});
	}

	#send(job: Job): void {
		const worker = this.#leastBusy();
		if (!worker) {
			this.#pageQueue.push(job);
			this.#pumpPage();
			return;
		}
		job.worker = worker;
		this.#count(worker, 1);
		const out = this.#outgoing.get(worker) ?? [];
		out.push(job);
		this.#outgoing.set(worker, out);
		if (out.length >= CHUNK) this.#flush(worker);
		else if (!this.#flushing) {
			// After this task: the files handed in meanwhile go in the same message.
			this.#flushing = true;
			setTimeout(() => {
				this.#flushing = false;
				for (const w of [...this.#outgoing.keys()]) this.#flush(w);
			});
		}
	}

	#flush(worker: Worker): void {
		const jobs = this.#outgoing.get(worker);
		this.#outgoing.delete(worker);
		if (!jobs?.length || !this.#workers.includes(worker)) return;
		const message: IntakeRequest = { jobs: jobs.map(({ id, file, lastModified, ack }) => ({ id, file, lastModified, ack })), blobs: this.opts.blobs() };
		worker.postMessage(message);
	}

	/** Files sent to each worker and not yet done. */
	#load = new Map<Worker, number>();

	#leastBusy(): Worker | undefined {
		let best: Worker | undefined;
		for (const w of this.#workers) if (best === undefined || (this.#load.get(w) ?? 0) < (this.#load.get(best) ?? 0)) best = w;
		return best;
	}

	#count(worker: Worker | undefined, by: number): void {
		if (worker) this.#load.set(worker, (this.#load.get(worker) ?? 0) + by);
	}

	/** Files waiting to be taken in on the page, ON_PAGE at a time. */
	#pageQueue: Job[] = [];
	#onPageNow = 0;

	#pumpPage(): void {
		while (this.#onPageNow < ON_PAGE && this.#pageQueue.length) {
			const job = this.#pageQueue.shift()!;
			this.#onPageNow++;
			void this.#onPage(job).finally(() => {
				this.#onPageNow--;
				this.#pumpPage();
			});
		}
	}

	/** Takes one file in on the page; resolves once it is taken in (it is stored with a later batch). */
	async #onPage(job: Job): Promise<void> {
		if (!this.#jobs.has(job.id)) return; // stopped meanwhile
		let r: Intake;
		try {
			r = await intake(job.file, job.lastModified, true);
		} catch (e) {
			return this.#settle(job, undefined, e);
		}
		this.#taken(job);
		if (r.kind !== 'photo') return this.#settle(job, r);
		// The bytes read, hashed and checksummed are the ones stored.
		this.opts.storeOnPage({ meta: r.meta, data: r.bytes ?? job.file, crc: r.crc, thumbnail: { ...r.thumbnail, id: r.meta.id } }).then(
			(outcome) => this.#settle(job, { kind: 'stored', outcome }),
			(e) => this.#settle(job, undefined, e)
		);
	}

	#reply(reply: IntakeReply): void {
		if (reply.blobsRefused) this.opts.blobsRefused();
		for (const id of reply.taken ?? []) {
			const job = this.#jobs.get(id);
			if (job) this.#taken(job);
		}
		for (const r of reply.results ?? []) {
			const job = this.#jobs.get(r.id);
			if (job) this.#result(job, r);
		}
	}

	#result(job: Job, r: IntakeResult): void {
		if (r.stored) return this.#settle(job, { kind: 'stored', outcome: r.stored });
		if (r.intake) return this.#settle(job, r.intake);
		this.#settle(job, undefined, Object.assign(new Error(r.error?.message ?? 'The import worker failed.'), { name: r.error?.name ?? 'Error' }));
	}

	/** An archive entry out of memory's count once taken in. */
	#taken(job: Job): void {
		if (!job.bytes) return;
		this.#bytes -= job.bytes;
		job.bytes = 0;
		this.#wake();
	}

	#wake(): void {
		this.#waiting.splice(0).forEach((r) => r());
	}

	#settle(job: Job, result: Taken | undefined, error?: unknown): void {
		if (!this.#jobs.delete(job.id)) return;
		this.#count(job.worker, -1);
		this.#taken(job);
		if (result) job.resolve(result);
		else job.reject(error instanceof Error ? error : new Error(String(error)));
		this.#wake();
	}

	/**
	 * A worker stopped (out of memory, say): its files go to the others, or to the page. One it
	 * had stored already is found here when taken in again, and counted as already here.
	 */
	#lost(worker: Worker): void {
		worker.terminate();
		this.#workers = this.#workers.filter((w) => w !== worker);
		this.#outgoing.delete(worker);
		this.#load.delete(worker);
		console.warn('An import worker stopped; its files are taken in elsewhere.');
		for (const job of [...this.#jobs.values()]) {
			if (job.worker !== worker) continue;
			job.worker = undefined;
			this.#send(job);
		}
	}

	/** Stops the workers; files still in hand are dropped (their promises reject with AbortError). */
	close(): void {
		this.#closed = true;
		this.#workers.forEach((w) => w.terminate());
		this.#workers = [];
		this.#outgoing.clear();
		this.#load.clear();
		this.#pageQueue = [];
		const abort = new DOMException('The import was stopped.', 'AbortError');
		for (const job of [...this.#jobs.values()]) this.#settle(job, undefined, abort);
	}
}
