// node bench/build-baseline.mjs [REF] [DIR]
//
// Builds the booth as it was at a git ref (default: the last commit, HEAD) into DIR (default:
// /tmp/photobooth-baseline-SHORTSHA), for `npm run bench -- --baseline DIR`: the code before a
// change measured in the same run as the change. The ref is checked out into a temporary
// worktree; when its package-lock.json is this checkout's, this checkout's node_modules is used
// (no download), else `npm ci` installs its own. Prints the build directory.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, cwd) => {
	const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`);
	return r.stdout.trim();
};

const ref = process.argv[2] ?? 'HEAD';
const sha = run('git', ['rev-parse', '--short', ref], root);
const out = process.argv[3] ?? join(tmpdir(), `photobooth-baseline-${sha}`);
if (existsSync(join(out, 'index.html'))) {
	console.log(out);
	process.exit(0);
}
const tree = mkdtempSync(join(tmpdir(), 'photobooth-worktree-'));
try {
	run('git', ['worktree', 'add', '--detach', tree, sha], root);
	const sameLock = readFileSync(join(tree, 'package-lock.json'), 'utf8') === readFileSync(join(root, 'package-lock.json'), 'utf8');
	if (sameLock) symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
	else run('npm', ['ci', '--no-audit', '--no-fund'], tree);
	run('npx', ['vite', 'build'], tree);
	cpSync(join(tree, 'build'), out, { recursive: true });
	console.log(out);
} finally {
	run('git', ['worktree', 'remove', '--force', tree], root);
	rmSync(tree, { recursive: true, force: true });
}
