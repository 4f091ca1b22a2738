/**
 * CRC-32 (IEEE, as in ZIP and zlib), the one checksum the booth keeps: a photo's is stored with
 * it, so an export never has to read the photo for it. Slice-by-16 (crc-32), several times
 * faster than a byte-at-a-time table, which is what capped exports with client-zip.
 *
 * "The stored CRC, else work it out" is decided here only (crcOf / crcOfBytes): callers pass
 * the CRC they know, or undefined, and never test for it themselves.
 */
// crc-32 is CommonJS only (`factory(exports)`, no ESM build, no exports map): Node's ESM loader
// sees no named exports in it, so `import { buf }` / `ns.buf` fail in plain Node. The default
// import is module.exports everywhere: Node, Vitest, Vite dev pre-bundling and the Rollup /
// Rolldown build (page and worker bundles). Its own typings declare named exports, which
// esModuleInterop lets TypeScript read as that default.
import CRC32 from 'crc-32';

/** Bytes in any of the forms the booth holds them, or as consecutive parts. */
export type Bytes = ArrayBuffer | Uint8Array | readonly Uint8Array[];

function asParts(data: Bytes): readonly Uint8Array[] {
	if (data instanceof ArrayBuffer) return [new Uint8Array(data)];
	return ArrayBuffer.isView(data) ? [data] : (data as readonly Uint8Array[]);
}

/** CRC-32 of the bytes, given whole or as consecutive parts; unsigned. */
export function crc32(data: Bytes): number {
	let crc = 0;
	// crc-32 takes the previous CRC as its seed, so parts chain without being joined.
	for (const part of asParts(data)) crc = CRC32.buf(part, crc);
	return crc >>> 0; // crc-32 returns a signed 32-bit int
}

/**
 * The CRC-32 of bytes in memory: `known` where the caller has it (stored with the photo), else
 * worked out. Synchronous, so it can run inside an IndexedDB transaction.
 */
export function crcOfBytes(data: Bytes, known: number | undefined): number {
	return known ?? crc32(data);
}

/**
 * The CRC-32 of stored data, which may be a Blob or parts with Blobs among them: `known` where
 * the caller has it, else the data is read once for it.
 */
export async function crcOf(
	data: Bytes | Blob | readonly (Uint8Array | Blob)[],
	known: number | undefined
): Promise<number> {
	if (known !== undefined) return known;
	if (data instanceof Blob) return crc32(await data.arrayBuffer());
	if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return crc32(data);
	const parts = await Promise.all(
		(data as readonly (Uint8Array | Blob)[]).map(async (p) => (p instanceof Blob ? new Uint8Array(await p.arrayBuffer()) : p))
	);
	return crc32(parts);
}
