/// <reference lib="webworker" />
/**
 * The strip worker: decodes a session's photos, draws the strip and encodes it off the page's
 * thread (a 300 dpi strip from four 1080p photos is tens of milliseconds of decoding and
 * drawing that would otherwise stall the preview).
 */
import { compose } from './compose';
import type { ComposeReply, ComposeRequest } from './compose-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ComposeRequest>) => {
	const { id, job } = event.data;
	let reply: ComposeReply;
	try {
		reply = { id, ok: true, strip: await compose(job) };
	} catch (e) {
		reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
	}
	self.postMessage(reply);
};
