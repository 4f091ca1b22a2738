// After `vite build`: a brotli (.br) and a gzip (.gz) file beside every text asset of the build,
// made once at the highest settings, so a static host sends them as they are (sirv, which
// `npm start` runs, does when the browser accepts them) instead of compressing on every request
// or not at all. The service worker's precache list is made before this and names the files
// themselves; the browser decodes what it is sent.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.argv[2] ?? 'build';
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path);
		else if (TEXT.test(name) && statSync(path).size >= MIN_BYTES) {
			const data = readFileSync(path);
			const br = brotliCompressSync(data, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length }
			});
			writeFileSync(`${path}.br`, br);
			writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
			files++;
			before += data.length;
			after += br.length;
		}
	}
}
walk(ROOT);
console.log(`precompressed ${files} files in ${ROOT}/: ${(before / 1024).toFixed(0)} KiB -> ${(after / 1024).toFixed(0)} KiB brotli`);
