/**
 * CRC-32 arithmetic on finished CRCs, after zlib's crc32_combine: the CRC of A followed by B
 * from the CRCs of A and B and the length of B, without reading either. A photo's CRC is
 * computed once, when it is taken; an export that splices EXIF into it derives the new CRC
 * from the stored one in microseconds instead of reading the megabyte again.
 */

/** CRC-32's polynomial, bit-reflected (IEEE 802.3, as in ZIP and zlib). */
const POLY = 0xedb88320;
const TOP = 0x80000000;

/** a times b modulo the polynomial (both reflected, as CRC registers are). */
function multModP(a: number, b: number): number {
	let m = TOP;
	let p = 0;
	a >>>= 0;
	b >>>= 0;
	for (;;) {
		if (a & m) {
			p ^= b;
			if ((a & (m - 1)) === 0) break;
		}
		m >>>= 1;
		b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
		if (m === 0) break;
	}
	return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0..31. */
const X2N: number[] = (() => {
	const table = [TOP >>> 1]; // x^1
	for (let k = 1; k < 32; k++) table.push(multModP(table[k - 1], table[k - 1]));
	return table;
})();

/** x^(n * 2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
	let p = TOP; // x^0
	while (n > 0) {
		if (n % 2) p = multModP(X2N[k % 32], p);
		n = Math.floor(n / 2);
		k++;
	}
	return p;
}

/** The CRC of `crc`'s bytes followed by `length` zero bits' worth of shift: crc * x^(8 length). */
function shift(crc: number, length: number): number {
	return multModP(x2nModP(length, 3), crc);
}

/** CRC-32 of A followed by B, from crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
	return (shift(crcA, lengthB) ^ crcB) >>> 0;
}

/**
 * CRC-32 of a new prefix + the rest, where the original was an old prefix + the rest and its
 * CRC is `crcOriginal`: the two prefixes' CRCs and the rest's length are enough, the rest is
 * never read. (An insertion is a new prefix that is the old one plus the inserted bytes.)
 */
export function crc32ReplacePrefix(
	crcOriginal: number,
	crcOldPrefix: number,
	crcNewPrefix: number,
	restLength: number
): number {
	return (crcOriginal ^ shift((crcOldPrefix ^ crcNewPrefix) >>> 0, restLength)) >>> 0;
}
