/**
 * Rendering a strip: in the strip worker where the browser can run it (module workers with
 * OffscreenCanvas), else on the page with the same code. Loaded when a strip is first made.
 */
import type { ComposedStrip, ComposeJob, ComposeReply } from './compose-protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (reply: ComposeReply) => void>();

function startWorker(): Worker | null {
	if (worker !== undefined) return worker;
	if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return (worker = null);
	try {
		const w = new Worker(new URL('./compose-worker.ts', import.meta.url), { type: 'module', name: 'strips' });
		w.onmessage = (e: MessageEvent<ComposeReply>) => {
			waiting.get(e.data.id)?.(e.data);
			waiting.delete(e.data.id);
		};
		const fail = (message: string) => {
			// Everything in flight is redone on the page; later strips too.
			worker = null;
			w.terminate();
			for (const [id, done] of waiting) done({ id, ok: false, message });
			waiting.clear();
		};
		w.onerror = (e) => {
			e.preventDefault();
			fail(e.message || 'The strip worker stopped.');
		};
		w.onmessageerror = () => fail('The strip worker could not read a message.');
		return (worker = w);
	} catch {
		return (worker = null);
	}
}

async function inWorker(w: Worker, job: ComposeJob): Promise<ComposedStrip | undefined> {
	const id = nextId++;
	const reply = await new Promise<ComposeReply>((resolve) => {
		waiting.set(id, resolve);
		try {
			const transfer = (job.pictures ?? []).filter((p): p is ImageBitmap => !!p);
			w.postMessage({ id, job }, transfer);
		} catch (e) {
			waiting.delete(id);
			resolve({ id, ok: false, message: String(e) });
		}
	});
	if (reply.ok) return reply.strip;
	console.warn('Drawing the strip on the page instead of the worker:', reply.message);
	return undefined;
}

/** Starts the strip worker ahead of the first strip (a session does while its shots are taken). */
export function warmStrips(): void {
	startWorker();
}

/** Draws and encodes a strip (see compose.ts). */
export async function renderStrip(job: ComposeJob): Promise<ComposedStrip> {
	const w = startWorker();
	const done = w ? await inWorker(w, job) : undefined;
	if (done) return done;
	const { compose } = await import('./compose');
	return compose(job);
}
