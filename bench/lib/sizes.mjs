// First-load JS and CSS per route, from the build output: what a browser fetches before a route
// can run. Each prerendered page lists its modulepreload links, its stylesheets and the entry
// imports of its inline bootstrap script; every file is gzipped with node:zlib (default level 6,
// what most servers use on the fly) and summed. Static imports between chunks are followed too,
// so a chunk the HTML forgot to preload is still counted (and reported).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i'))?.[1];

/** The JS and CSS files a prerendered HTML page loads up front, as absolute paths. */
export function pageAssets(htmlFile) {
	const html = readFileSync(htmlFile, 'utf8');
	const base = dirname(htmlFile);
	const js = new Set();
	const css = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attr(tag, 'rel') ?? '').toLowerCase();
		const href = attr(tag, 'href');
		if (!href || /^[a-z]+:/i.test(href)) continue;
		if (rel === 'modulepreload') js.add(resolve(base, href));
		if (rel === 'stylesheet') css.add(resolve(base, href));
	}
	for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["'][^"']+["'][^>]*>/gi)) {
		js.add(resolve(base, attr(tag, 'src')));
	}
	// SvelteKit's bootstrap: import("./_app/immutable/entry/start.X.js") in an inline script.
	for (const [, href] of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) js.add(resolve(base, href));
	return { js, css };
}

/** Static imports of a built chunk (minified ESM: import"./a.js", import{x}from"./b.js"). */
function staticImports(file) {
	const code = readFileSync(file, 'utf8');
	const out = [];
	for (const [, spec] of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+?\.js)["']/g)) {
		out.push(resolve(dirname(file), spec));
	}
	return out;
}

const gz = (file) => gzipSync(readFileSync(file)).length;

/** Every prerendered route's HTML file in the build (the SPA fallback is not a route). */
export function routePages(buildDir) {
	const pages = [];
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) {
				if (name !== '_app') walk(full);
			} else if (name.endsWith('.html') && name !== '200.html') {
				const rel = relative(buildDir, full).replace(/\\/g, '/');
				const route = '/' + rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
				pages.push({ route, file: full });
			}
		}
	};
	walk(buildDir);
	return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** First-load bytes per route: raw and gzipped, JS and CSS, with the files counted. */
export function firstLoadSizes(buildDir) {
	return routePages(buildDir).map(({ route, file }) => {
		const { js, css } = pageAssets(file);
		const listed = new Set(js);
		// Follow static imports from everything listed; anything new was not preloaded.
		const queue = [...js];
		const unlisted = [];
		while (queue.length) {
			const f = queue.pop();
			if (!existsSync(f)) throw new Error(`${route}: ${relative(buildDir, f)} is referenced but not in the build`);
			for (const dep of staticImports(f)) {
				if (!js.has(dep)) {
					js.add(dep);
					queue.push(dep);
					if (!listed.has(dep)) unlisted.push(relative(buildDir, dep));
				}
			}
		}
		const sum = (files, fn) => [...files].reduce((n, f) => n + fn(f), 0);
		const raw = (f) => statSync(f).size;
		return {
			route,
			html: relative(buildDir, file),
			jsFiles: js.size,
			cssFiles: css.size,
			jsGzip: sum(js, gz),
			cssGzip: sum(css, gz),
			jsRaw: sum(js, raw),
			cssRaw: sum(css, raw),
			htmlGzip: gz(file),
			unlisted
		};
	});
}
