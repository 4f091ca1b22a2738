/**
 * A strip made from its recipe's pictures: decoded, drawn by drawStrip on an OffscreenCanvas
 * (or a page canvas where there is none), encoded with its thumbnail. Runs in the strip worker
 * (compose-worker.ts) where it can, so the preview never stutters; on the page otherwise.
 */
import { context2d, encodeCanvas, makeCanvas } from '$lib/pixels/canvas';
import { thumbnailOf } from '$lib/pixels/thumbnail';
import type { ComposedStrip, ComposeJob } from './compose-protocol';
import { drawStrip } from './draw';

async function decode(blob: Blob | undefined): Promise<ImageBitmap | undefined> {
	if (!blob) return undefined;
	try {
		return await createImageBitmap(blob);
	} catch {
		return undefined; // a photo that cannot be read leaves its cell plain
	}
}

/** Shot i's picture: the one made as it was taken, else its photo decoded. */
function pictureOf(job: ComposeJob, i: number): Promise<ImageBitmap | undefined> {
	const ready = job.pictures?.[i];
	// A picture sent to a worker that then failed is detached (0 x 0): decode the photo instead.
	if (ready && ready.width > 0) return Promise.resolve(ready);
	return decode(job.shots[i]);
}

export async function compose(job: ComposeJob): Promise<ComposedStrip> {
	const [shots, overlay] = await Promise.all([Promise.all(job.shots.map((_, i) => pictureOf(job, i))), decode(job.overlay)]);
	try {
		const canvas = makeCanvas(job.layout.size.width, job.layout.size.height);
		drawStrip(context2d(canvas), job.layout, shots, job.design, job.takenAt, overlay);
		const thumbnail = thumbnailOf(canvas);
		const blob = await encodeCanvas(canvas, job.type, job.quality);
		return { blob, thumbnail: await thumbnail };
	} finally {
		for (const b of shots) b?.close();
		overlay?.close();
	}
}
