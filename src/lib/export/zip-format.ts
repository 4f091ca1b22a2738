/**
 * The bytes of a ZIP archive's headers and records, after PKWARE APPNOTE 6.3.x: each entry's
 * local header and central directory record, and the end records (ZIP64's when a size, offset
 * or count overflows). Store only (method 0), names in UTF-8, Unix mode, an extended timestamp.
 * Pure, so each field is checked by reading archives back (zip-writer.spec).
 */
import { photoTime } from '$lib/time';

export const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const FLAG_UTF8 = 1 << 11;
const VERSION = 20; // 2.0: stored files in folders
const VERSION_ZIP64 = 45;
const MADE_BY = (3 << 8) | VERSION_ZIP64; // 3 = Unix, so unzip applies the mode below
const UNIX_MODE = 0o100644; // regular file, rw-r--r--
/** Extended timestamp extra (0x5455): tag, size, flags = mtime only, mtime. */
const TIMESTAMP_EXTRA = 9;

/** What the headers say about one entry. */
export interface FileInfo {
	name: Uint8Array;
	parts: readonly Uint8Array[];
	size: number;
	crc: number;
	/** DOS time and date, local time. */
	time: number;
	date: number;
	/** Seconds since the epoch, UTC. */
	mtime: number;
	/** Its local header's offset in the archive. */
	offset: number;
}

const utf8 = new TextEncoder();

/** Everything the headers say about an entry, its bytes aside; a bad name is a TypeError. */
export function headerInfo(name: string, lastModified: number | Date, size: number, crc: number, offset: number): Omit<FileInfo, 'parts'> {
	// Names are paths on the reader's disk: nothing may land outside the folder it unzips into.
	if (typeof name !== 'string' || !name || /^[/\\]|^[a-z]:/i.test(name) || name.split(/[/\\]/).includes('..')) {
		throw new TypeError(`Bad ZIP entry name: ${JSON.stringify(name)}`);
	}
	const encoded = utf8.encode(name);
	if (encoded.length > MAX_16) throw new TypeError(`ZIP entry name too long: ${name.slice(0, 40)}…`);
	// An invalid date would make every field NaN: the epoch (1980 in DOS terms) is as good a guess as any.
	const ms = photoTime(Math.trunc(+lastModified));
	return {
		name: encoded,
		size,
		crc: crc >>> 0,
		...dosDateTime(new Date(ms)),
		mtime: unixSeconds(ms),
		offset
	};
}

/**
 * MS-DOS date and time in local time (what unzip and Explorer show), 2-second resolution. Its
 * years are 1980-2107: earlier dates are 1980-01-01 00:00, later ones 2107-12-31 23:59:58.
 * (Clamped by year, not against Date constants, which would keep the time zone of their making.)
 */
function dosDateTime(d: Date): { time: number; date: number } {
	const year = d.getFullYear();
	if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
	if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
	return {
		time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
		date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
	};
}

/** The extended timestamp is a signed 32-bit count of seconds: clamp rather than wrap. */
function unixSeconds(ms: number): number {
	return Math.min(2 ** 31 - 1, Math.max(-(2 ** 31), Math.floor(ms / 1000)));
}

/** Little-endian fields written one after the other, so each header reads like its table in the spec. */
class Fields {
	readonly bytes: Uint8Array<ArrayBuffer>;
	private readonly view: DataView;
	private at = 0;
	constructor(length: number) {
		this.bytes = new Uint8Array(length);
		this.view = new DataView(this.bytes.buffer);
	}
	u8(n: number) {
		this.view.setUint8(this.at++, n);
		return this;
	}
	u16(n: number) {
		this.view.setUint16(this.at, n, true);
		this.at += 2;
		return this;
	}
	u32(n: number) {
		this.view.setUint32(this.at, n, true);
		this.at += 4;
		return this;
	}
	i32(n: number) {
		this.view.setInt32(this.at, n, true);
		this.at += 4;
		return this;
	}
	u64(n: number) {
		this.view.setBigUint64(this.at, BigInt(n), true);
		this.at += 8;
		return this;
	}
	raw(b: Uint8Array) {
		this.bytes.set(b, this.at);
		this.at += b.length;
		return this;
	}
}

/** 32-bit field value: the real one, or 0xFFFFFFFF when it is in the ZIP64 extra instead. */
const field32 = (n: number) => (n >= MAX_32 ? MAX_32 : n);

/** The fields the local and central headers share, from the flags to the extra's length. */
function sharedFields(h: Fields, f: Headed, extra: number): Fields {
	return h
		.u16(FLAG_UTF8)
		.u16(0) // stored
		.u16(f.time)
		.u16(f.date)
		.u32(f.crc)
		.u32(field32(f.size)) // compressed size
		.u32(field32(f.size)) // uncompressed size
		.u16(f.name.length)
		.u16(extra);
}

/** Extended timestamp extra (0x5455): flags = mtime present, then the mtime in UTC seconds. */
function timestampExtra(h: Fields, f: Headed): void {
	h.u16(0x5455).u16(5).u8(1).i32(f.mtime);
}

export type Headed = Omit<FileInfo, 'parts'>;

export function localHeader(f: Headed): Uint8Array<ArrayBuffer> {
	// The local ZIP64 extra, when present, must hold both sizes (APPNOTE 4.5.3).
	const zip64 = f.size >= MAX_32;
	const extra = TIMESTAMP_EXTRA + (zip64 ? 4 + 16 : 0);
	const h = new Fields(30 + f.name.length + extra)
		.u32(0x04034b50)
		.u16(zip64 || f.offset >= MAX_32 ? VERSION_ZIP64 : VERSION);
	sharedFields(h, f, extra).raw(f.name);
	timestampExtra(h, f);
	if (zip64) h.u16(0x0001).u16(16).u64(f.size).u64(f.size);
	return h.bytes;
}

export function centralHeader(f: Headed): Uint8Array<ArrayBuffer> {
	// Only the values whose 32-bit field overflowed, in the spec's order.
	const zip64 = [f.size, f.size, f.offset].filter((n) => n >= MAX_32);
	const extra = TIMESTAMP_EXTRA + (zip64.length ? 4 + 8 * zip64.length : 0);
	const h = new Fields(46 + f.name.length + extra)
		.u32(0x02014b50)
		.u16(MADE_BY)
		.u16(zip64.length ? VERSION_ZIP64 : VERSION);
	sharedFields(h, f, extra)
		.u16(0) // comment length
		.u16(0) // disk number
		.u16(0) // internal attributes
		.u32((UNIX_MODE << 16) >>> 0) // external attributes: Unix mode in the high half
		.u32(field32(f.offset))
		.raw(f.name);
	// The central copy holds the mtime only, whatever the flags say; here they say just that.
	timestampExtra(h, f);
	if (zip64.length) {
		h.u16(0x0001).u16(8 * zip64.length);
		for (const n of zip64) h.u64(n);
	}
	return h.bytes;
}

/** Central directory and end records, as one chunk. */
export function end(central: readonly Uint8Array[], size: number, offset: number): Uint8Array {
	const records = endRecords(central.length, size, offset);
	const h = new Fields(size + records.length);
	for (const record of central) h.raw(record);
	return h.raw(records).bytes;
}

/**
 * The records after a central directory of `count` entries and `size` bytes that starts at
 * `offset`: ZIP64's when something overflows, then the classic end record.
 */
export function endRecords(count: number, size: number, offset: number): Uint8Array<ArrayBuffer> {
	// A field that is all ones sends readers to the ZIP64 record, so a count of exactly 0xFFFF needs it too.
	const zip64 = count >= MAX_16 || size >= MAX_32 || offset >= MAX_32;
	const h = new Fields((zip64 ? 56 + 20 : 0) + 22);
	if (zip64) {
		h.u32(0x06064b50) // ZIP64 end of central directory record
			.u64(56 - 12) // its size, less the signature and this field
			.u16(MADE_BY)
			.u16(VERSION_ZIP64)
			.u32(0) // this disk
			.u32(0) // disk with the central directory
			.u64(count) // entries on this disk
			.u64(count) // entries in all
			.u64(size)
			.u64(offset)
			.u32(0x07064b50) // its locator
			.u32(0) // disk with the ZIP64 record
			.u64(offset + size) // where the record is
			.u32(1); // disks in all
	}
	const count16 = count >= MAX_16 ? MAX_16 : count;
	h.u32(0x06054b50)
		.u16(0) // this disk
		.u16(0) // disk with the central directory
		.u16(count16) // entries on this disk
		.u16(count16) // entries in all
		.u32(field32(size))
		.u32(field32(offset))
		.u16(0); // comment length
	return h.bytes;
}
