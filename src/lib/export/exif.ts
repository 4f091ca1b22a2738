/**
 * A small EXIF writer for exported JPEGs: capture time with its UTC offset, the camera's label
 * and "Photo Booth" as the software, so other photo apps sort and label the files right.
 *
 * Why our own rather than a library: the maintained EXIF libraries on npm read EXIF only (exifr,
 * exifreader); the writers (piexifjs, piexif-ts) are years without a release and work on binary
 * strings, copying the whole photo twice. We need eight fixed tags, which is one short TIFF
 * block; it is checked in the unit tests and the e2e export test by exifr, an independent reader.
 * Pixels are never touched: the new segment is spliced in front of the original bytes.
 */
import { localParts, pad } from '$lib/format';
import { photoTime } from '$lib/time';

export interface ExifInfo {
	/** Capture time, ms since the epoch; written as local time plus its offset. */
	takenAt: number;
	/** The camera's label ('' leaves Model out). */
	camera: string;
	width?: number;
	height?: number;
	software?: string;
	/** Pixels per inch to print at (XResolution / YResolution): 300 for a strip, else 72. */
	dpi?: number;
}

/** What a stored photo or strip's EXIF says. */
export function exifInfoOf(meta: { takenAt: number; camera: string; width: number; height: number; kind?: string }): ExifInfo {
	return { takenAt: photoTime(meta.takenAt), camera: meta.camera, width: meta.width, height: meta.height, dpi: meta.kind === 'strip' ? 300 : 72 };
}

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const UNDEFINED = 7;

interface Tag {
	tag: number;
	type: number;
	/** Number of values (bytes for ASCII and UNDEFINED). */
	count: number;
	/** Big-endian bytes of the value(s). */
	bytes: Uint8Array;
}

/** EXIF's date form: "2026:11:24 14:30:05", local time. */
export function exifDateTime(ms: number): string {
	const p = localParts(ms);
	return `${p.year}:${p.month}:${p.day} ${p.hours}:${p.minutes}:${p.seconds}`;
}

/** The local UTC offset at that moment, "+01:00" (EXIF 2.31 OffsetTime form). */
export function exifOffset(ms: number): string {
	const minutes = -new Date(ms).getTimezoneOffset();
	return `${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

function ascii(tag: number, text: string): Tag {
	// EXIF ASCII is 7-bit and NUL-terminated; a camera label in another script is kept legible
	// as far as it goes rather than written as bytes readers would misdecode.
	const clean = text.replace(/[^\x20-\x7e]/g, '?').slice(0, 255);
	const bytes = new Uint8Array(clean.length + 1);
	for (let i = 0; i < clean.length; i++) bytes[i] = clean.charCodeAt(i);
	return { tag, type: ASCII, count: bytes.length, bytes };
}

function short(tag: number, value: number): Tag {
	return { tag, type: SHORT, count: 1, bytes: new Uint8Array([value >> 8, value & 0xff]) };
}

function rational(tag: number, numerator: number, denominator = 1): Tag {
	const bytes = new Uint8Array(8);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, numerator);
	view.setUint32(4, denominator);
	return { tag, type: RATIONAL, count: 1, bytes };
}

function long(tag: number, value: number): Tag {
	const bytes = new Uint8Array(4);
	new DataView(bytes.buffer).setUint32(0, value);
	return { tag, type: LONG, count: 1, bytes };
}

/** Size of an IFD with its out-of-line values. */
function ifdSize(tags: Tag[]): number {
	return 2 + tags.length * 12 + 4 + tags.reduce((n, t) => n + (t.bytes.length > 4 ? t.bytes.length + (t.bytes.length & 1) : 0), 0);
}

/** Writes an IFD at `at` (TIFF offsets), its long values right after it. */
function writeIfd(view: DataView, out: Uint8Array, at: number, tags: Tag[]): void {
	const sorted = [...tags].sort((a, b) => a.tag - b.tag); // TIFF requires ascending tags
	view.setUint16(at, sorted.length);
	let data = at + 2 + sorted.length * 12 + 4;
	sorted.forEach((t, i) => {
		const e = at + 2 + i * 12;
		view.setUint16(e, t.tag);
		view.setUint16(e + 2, t.type);
		view.setUint32(e + 4, t.count);
		if (t.bytes.length <= 4) {
			out.set(t.bytes, e + 8);
		} else {
			view.setUint32(e + 8, data);
			out.set(t.bytes, data);
			data += t.bytes.length + (t.bytes.length & 1); // values start on a word boundary
		}
	});
	view.setUint32(at + 2 + sorted.length * 12, 0); // no next IFD
}

/** The complete APP1 segment (FF E1, length, "Exif\0\0", big-endian TIFF). */
export function exifSegment(info: ExifInfo): Uint8Array {
	const when = exifDateTime(info.takenAt);
	const exifTags: Tag[] = [
		{ tag: 0x9000, type: UNDEFINED, count: 4, bytes: new TextEncoder().encode('0232') }, // ExifVersion
		ascii(0x9003, when), // DateTimeOriginal
		ascii(0x9004, when), // DateTimeDigitized
		ascii(0x9010, exifOffset(info.takenAt)), // OffsetTime (of DateTime)
		ascii(0x9011, exifOffset(info.takenAt)), // OffsetTimeOriginal
		ascii(0x9012, exifOffset(info.takenAt)), // OffsetTimeDigitized
		{ tag: 0x9101, type: UNDEFINED, count: 4, bytes: new Uint8Array([1, 2, 3, 0]) }, // ComponentsConfiguration: Y Cb Cr
		ascii(0x9291, pad(new Date(info.takenAt).getMilliseconds(), 3)), // SubSecTimeOriginal
		{ tag: 0xa000, type: UNDEFINED, count: 4, bytes: new TextEncoder().encode('0100') }, // FlashpixVersion
		short(0xa001, 1) // ColorSpace: sRGB (what canvas encodes)
	];
	if (info.width && info.height) {
		exifTags.push(long(0xa002, info.width), long(0xa003, info.height)); // PixelX/YDimension
	}
	const ifd0: Tag[] = [
		short(0x0112, 1), // Orientation: as stored
		ascii(0x0131, info.software ?? 'Photo Booth'),
		ascii(0x0132, when), // DateTime
		long(0x8769, 0) // ExifIFDPointer, set below
	];
	if (info.camera) ifd0.push(ascii(0x0110, info.camera)); // Model
	const dpi = Math.max(1, Math.round(info.dpi ?? 72));
	ifd0.push(rational(0x011a, dpi), rational(0x011b, dpi), short(0x0128, 2)); // X/YResolution, ResolutionUnit: inches
	ifd0.push(short(0x0213, 1)); // YCbCrPositioning: centred (the JPEG's own chroma siting)

	const exifIfdAt = 8 + ifdSize(ifd0);
	ifd0[3] = long(0x8769, exifIfdAt);
	const tiffSize = exifIfdAt + ifdSize(exifTags);
	const segment = new Uint8Array(4 + 6 + tiffSize);
	const view = new DataView(segment.buffer);
	view.setUint16(0, 0xffe1);
	view.setUint16(2, segment.length - 2);
	segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
	const tiff = new DataView(segment.buffer, 10);
	const tiffBytes = segment.subarray(10);
	tiff.setUint16(0, 0x4d4d); // "MM": big-endian
	tiff.setUint16(2, 42);
	tiff.setUint32(4, 8);
	writeIfd(tiff, tiffBytes, 8, ifd0);
	writeIfd(tiff, tiffBytes, exifIfdAt, exifTags);
	return segment;
}

/** True for the bytes of a JPEG (they start with SOI and a marker). */
export function isJpeg(bytes: Uint8Array): boolean {
	return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

const isExifApp1 = (b: Uint8Array, at: number) =>
	b[at + 1] === 0xe1 && b[at + 4] === 0x45 && b[at + 5] === 0x78 && b[at + 6] === 0x69 && b[at + 7] === 0x66 && b[at + 8] === 0 && b[at + 9] === 0;

/**
 * How our EXIF segment goes into a JPEG, worked out from its first bytes: `parts` (our segment
 * and the header bytes kept, views into `head`) replace the file's first `resumeAt` bytes, and
 * the rest follows unchanged. The segment goes after SOI and any JFIF APP0, as both
 * specifications ask. A JPEG with EXIF of its own is left as it is (null). 'more' when the headers run past
 * `head` (read more and ask again); null for a file that is not a JPEG or whose headers do
 * not parse, which is better exported as it was than not at all.
 */
export type ExifSplice = { parts: Uint8Array<ArrayBuffer>[]; resumeAt: number } | 'more' | null;

export function planExif(head: Uint8Array, total: number, info: ExifInfo): ExifSplice {
	if (!isJpeg(head)) return head.length < 4 && total > head.length ? 'more' : null;
	const keep: [number, number][] = [];
	let insertAt = 2;
	let pos = 2;
	let seenOther = false;
	for (;;) {
		if (pos + 4 > head.length) {
			if (head.length < total) return 'more';
			break;
		}
		if (head[pos] !== 0xff) return null;
		const marker = head[pos + 1];
		if (marker === 0xff) {
			pos++; // fill byte
			continue;
		}
		// Start of scan: entropy-coded data follows, no more headers to look at.
		if (marker === 0xda || marker === 0xd9) break;
		const length = (head[pos + 2] << 8) | head[pos + 3];
		if (length < 2 || pos + 2 + length > total) return null;
		const end = pos + 2 + length;
		if (end > head.length) return 'more';
		// A photo with EXIF of its own came from a camera (imported): its Make, Model and times
		// are the truth about it, so it goes out exactly as it came in.
		if (marker === 0xe1 && isExifApp1(head, pos)) return null;
		{
			keep.push([pos, end]);
			if (marker === 0xe0 && !seenOther) insertAt = end;
			else seenOther = true;
		}
		pos = end;
	}
	const view = (s: number, e: number) => head.subarray(s, e) as Uint8Array<ArrayBuffer>;
	const parts = [view(0, 2)];
	const segment = exifSegment(info) as Uint8Array<ArrayBuffer>;
	let inserted = false;
	for (const [s, e] of keep) {
		if (!inserted && s >= insertAt) {
			parts.push(segment);
			inserted = true;
		}
		parts.push(view(s, e));
	}
	if (!inserted) parts.push(segment);
	return { parts, resumeAt: pos };
}

/**
 * The JPEG with our EXIF segment (one with EXIF of its own is kept as it is; see planExif), as parts that share
 * the original buffer (no copy of the image data); any other file as it was.
 */
export function jpegWithExif(bytes: Uint8Array, info: ExifInfo): Uint8Array<ArrayBuffer>[] {
	const plan = planExif(bytes, bytes.length, info);
	if (!plan || plan === 'more') return [bytes as Uint8Array<ArrayBuffer>];
	return [...plan.parts, bytes.subarray(plan.resumeAt) as Uint8Array<ArrayBuffer>];
}

/** How much of a stored JPEG is read to find where EXIF goes: a camera's headers fit the first. */
const HEAD_READS = [2048, 65_536];

/** How an exported photo differs from the stored one: its first bytes replaced, the rest as it was. */
export interface ExportEdit {
	/** The stored first bytes. */
	from: Uint8Array;
	/** What replaces them. */
	to: Uint8Array[];
	/** How many stored bytes follow, unchanged. */
	restLength: number;
}

/**
 * A photo's bytes ready to leave the device, as Blob parts: JPEGs get EXIF, other types go as
 * stored. A stored Blob is never read whole: its first kilobytes are, and the rest is a slice
 * the browser copies itself. `edit` says what changed, for callers that derive the CRC.
 */
export async function exportParts(
	data: ArrayBuffer | Blob,
	type: string,
	info: ExifInfo
): Promise<{ parts: (Uint8Array<ArrayBuffer> | Blob)[]; edit?: ExportEdit }> {
	if (!(data instanceof Blob)) {
		const bytes = new Uint8Array(data);
		const plan = type === 'image/jpeg' ? planExif(bytes, bytes.length, info) : null;
		if (!plan || plan === 'more') return { parts: [bytes] };
		const edit = { from: bytes.subarray(0, plan.resumeAt), to: plan.parts, restLength: bytes.length - plan.resumeAt };
		return { parts: [...plan.parts, bytes.subarray(plan.resumeAt)], edit };
	}
	if (type !== 'image/jpeg') return { parts: [data] };
	for (const size of HEAD_READS) {
		const head = new Uint8Array(await data.slice(0, size).arrayBuffer());
		const plan = planExif(head, data.size, info);
		if (plan === null) return { parts: [data] };
		if (plan !== 'more') {
			const edit = { from: head.subarray(0, plan.resumeAt), to: plan.parts, restLength: data.size - plan.resumeAt };
			return { parts: [...plan.parts, data.slice(plan.resumeAt)], edit };
		}
	}
	// Headers longer than the reads above (rare: big embedded previews): the bytes, once.
	return exportParts(await data.arrayBuffer(), type, info);
}

/** A photo's bytes ready to leave the device: JPEGs get EXIF, other types go as stored. */
export async function exportBlob(data: ArrayBuffer | Blob, type: string, info: ExifInfo): Promise<Blob> {
	return new Blob((await exportParts(data, type, info)).parts, { type });
}
