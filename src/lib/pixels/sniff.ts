/**
 * What a file really is, from its first bytes rather than its name or the type the OS guessed:
 * a renamed or damaged file is told apart before anything is stored.
 */
export type Sniffed = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'video/mp4' | 'video/webm' | 'zip' | null;

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The kind of file from its first 12 or more bytes. */
export function sniff(head: Uint8Array): Sniffed {
	if (starts(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
	if (starts(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
	// An ISO media file (MP4) starts with its size and then its 'ftyp' box; WebM with an EBML header.
	if (starts(head, [0x66, 0x74, 0x79, 0x70], 4)) return 'video/mp4';
	if (starts(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
	// A local file header, or the end record of an empty archive.
	if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
	return null;
}
