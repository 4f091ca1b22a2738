/**
 * Pictures into a video file, in a worker: MP4 (H.264) where the browser can encode it, else
 * WebM (VP9, then VP8), through WebCodecs with mediabunny muxing the file (loaded only when a
 * clip is first made). Each picture is encoded as it is added; the file is built in memory (a
 * boomerang is well under a megabyte).
 */
import {
	BufferTarget,
	Mp4OutputFormat,
	Output,
	QUALITY_HIGH,
	VideoSample,
	VideoSampleSource,
	WebMOutputFormat,
	canEncodeVideo,
	type VideoCodec
} from 'mediabunny';
import type { Size } from '$lib/pixels/geometry';

export class NoVideoEncoderError extends Error {
	constructor() {
		super('This browser cannot encode video.');
		this.name = 'NoVideoEncoderError';
	}
}

/** The first container and codec this browser encodes at this size. */
export async function videoFormat(size: Size, fps: number): Promise<{ codec: VideoCodec; type: 'video/mp4' | 'video/webm' }> {
	if (typeof VideoEncoder !== 'function') throw new NoVideoEncoderError();
	const options = { ...size, frameRate: fps, quality: QUALITY_HIGH };
	if (await canEncodeVideo('avc', options)) return { codec: 'avc', type: 'video/mp4' };
	for (const codec of ['vp9', 'vp8'] as const) if (await canEncodeVideo(codec, options)) return { codec, type: 'video/webm' };
	throw new NoVideoEncoderError();
}

/** Encodes `pictures` in order at `fps`; returns the file and how long it plays, ms. */
export async function encodeVideo(pictures: readonly CanvasImageSource[], size: Size, fps: number): Promise<{ blob: Blob; duration: number }> {
	const { codec, type } = await videoFormat(size, fps);
	const target = new BufferTarget();
	const output = new Output({
		// In-memory fast start: the index goes first, so a player can start before the end.
		format: type === 'video/mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
		target
	});
	const source = new VideoSampleSource({ codec, quality: QUALITY_HIGH, keyFrameInterval: 2 });
	output.addVideoTrack(source, { frameRate: fps });
	await output.start();
	try {
		for (let i = 0; i < pictures.length; i++) {
			const sample = new VideoSample(pictures[i], { timestamp: i / fps, duration: 1 / fps });
			try {
				await source.add(sample);
			} finally {
				sample.close();
			}
		}
		source.close();
		await output.finalize();
	} catch (e) {
		await output.cancel().catch(() => {});
		throw e;
	}
	if (!target.buffer) throw new Error('The video encoder gave nothing.');
	return { blob: new Blob([target.buffer], { type }), duration: Math.round((pictures.length / fps) * 1000) };
}
