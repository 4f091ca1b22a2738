import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The one inline script of ours (app.html: the camera asked for while the app loads), allowed by
 * its hash. Hashed from the file itself, so an edit to it cannot leave a stale hash behind.
 */
const earlyCamera = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').match(/<script>([\s\S]*?)<\/script>/)?.[1];
if (!earlyCamera) throw new Error('src/app.html has lost its inline camera script');
const earlyCameraHash = `sha256-${createHash('sha256').update(earlyCamera).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Every route is prerendered as an empty shell (ssr is off); 200.html catches deep links
		// to anything else so the app works on any static host.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		// SvelteKit hashes its own inline bootstrap script; ours (the early camera) is hashed above. Images and
		// the preview need blob: (object URLs of photos) and data:; nothing comes from elsewhere.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// wasm-unsafe-eval lets the page compile WebAssembly (backdrops' segmentation, for what the
				// page draws itself: a video's frames), and nothing else: no eval, no new Function.
				'script-src': ['self', earlyCameraHash, 'wasm-unsafe-eval'],
				'style-src': ['self'],
				// The one inline style attribute: SvelteKit's route announcer (write_root.js). A
				// Kit upgrade that changes it shows up as a CSP violation in the e2e suite.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'blob:', 'data:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// The service worker comes from vite-plugin-pwa, not SvelteKit's own.
		serviceWorker: { register: false }
	}
};

export default config;
