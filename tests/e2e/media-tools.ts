/**
 * Reading the booth's moving pictures with readers the project did not write: omggif for GIFs,
 * and ffprobe / ffmpeg (Debian's ffmpeg, installed by .ci/run) for videos.
 */
import { execFile, execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { promisify } from 'node:util';
import { GifReader } from 'omggif';

const run = promisify(execFile);

export interface GifFacts {
	width: number;
	height: number;
	frames: number;
	/** Each frame's delay, hundredths of a second. */
	delays: number[];
	/** 0: loops forever. */
	loops: number | null;
	/** Each frame's pixels, RGBA. */
	pixels: Uint8Array[];
}

export function readGif(bytes: Uint8Array): GifFacts {
	const gif = new GifReader(Buffer.from(bytes));
	const frames = gif.numFrames();
	const pixels: Uint8Array[] = [];
	for (let i = 0; i < frames; i++) {
		const rgba = new Uint8Array(gif.width * gif.height * 4);
		gif.decodeAndBlitFrameRGBA(i, rgba);
		pixels.push(rgba);
	}
	return {
		width: gif.width,
		height: gif.height,
		frames,
		delays: Array.from({ length: frames }, (_, i) => gif.frameInfo(i).delay),
		loops: gif.loopCount(),
		pixels
	};
}

/** Mean absolute difference of two equal-length pixel arrays, 0..255. */
export function meanDiff(a: Uint8Array, b: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
	return sum / a.length;
}

/**
 * Whether ffprobe and ffmpeg are here (.ci/run installs Debian's ffmpeg). Under CI they must
 * be; a local run without them says the video checks were not run, rather than passing quietly.
 */
export function videoReadersHere(): boolean {
	let here = true;
	try {
		execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
		execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
	} catch {
		here = false;
	}
	if (process.env.CI) expect(here, 'ffprobe and ffmpeg are installed (.ci/run installs them)').toBe(true);
	else if (!here) console.warn('ffprobe/ffmpeg are not installed (apt-get install ffmpeg): the video file checks were not run');
	return here;
}

export interface VideoFacts {
	codec: string;
	width: number;
	height: number;
	/** Seconds. */
	duration: number;
	frames: number;
	format: string;
	/** Whether it has a sound track. */
	audio: boolean;
}

/** What ffprobe says of a video file. */
export async function probeVideo(path: string): Promise<VideoFacts> {
	const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', path]);
	const info = JSON.parse(stdout) as {
		streams: { codec_type: string; codec_name: string; width: number; height: number; nb_read_frames?: string; duration?: string }[];
		format: { format_name: string; duration: string };
	};
	const video = info.streams.find((s) => s.codec_type === 'video');
	if (!video) throw new Error('ffprobe found no video stream');
	return {
		codec: video.codec_name,
		width: video.width,
		height: video.height,
		duration: Number(info.format.duration),
		frames: Number(video.nb_read_frames ?? 0),
		format: info.format.format_name,
		audio: info.streams.some((s) => s.codec_type === 'audio')
	};
}

/** Every frame of a video, decoded by ffmpeg, scaled to `w` x `h` grey pixels. */
export async function greyFrames(path: string, w = 32, h = 18): Promise<Uint8Array[]> {
	const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-vf', `scale=${w}:${h},format=gray`, '-f', 'rawvideo', '-'], {
		encoding: 'buffer',
		maxBuffer: 64 * 1024 * 1024
	});
	const bytes = new Uint8Array(stdout);
	const frames: Uint8Array[] = [];
	for (let at = 0; at + w * h <= bytes.length; at += w * h) frames.push(bytes.subarray(at, at + w * h));
	return frames;
}
