import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { manifest } from './src/lib/pwa/manifest.ts';

/**
 * `*.lazy.ts` files are client only: the server build (which only prerenders empty shells) gets
 * a stub whose loaders never settle. SvelteKit links into a page's first load the CSS of every
 * component its server build can reach, even through a dynamic import; parts a page loads
 * when first shown must not be reachable there, so their CSS loads with them.
 */
function clientOnlyLazy(): Plugin {
	return {
		name: 'photobooth:client-only-lazy',
		enforce: 'pre',
		load(id, options) {
			const file = id.split('?')[0];
			if (!options?.ssr || !file.endsWith('.lazy.ts')) return;
			const names = [...readFileSync(file, 'utf8').matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
			return ['const never = () => new Promise(() => {});', ...names.map((n) => `export const ${n} = never;`)].join('\n');
		}
	};
}

/**
 * Every lucide icon draws through our LucideIcon.svelte instead of the package's Icon.svelte
 * (see there why): the icons' own files, with their paths and licence, are used as they are.
 */
function lucideIcon(): Plugin {
	return {
		name: 'photobooth:lucide-icon',
		enforce: 'pre',
		resolveId(source, importer) {
			if (source === '../Icon.svelte' && importer?.includes('@lucide/svelte/dist/icons/')) {
				return new URL('./src/lib/components/LucideIcon.svelte', import.meta.url).pathname;
			}
		}
	};
}

export default defineConfig({
	// Workers are ES modules, so what a worker needs only sometimes (the video muxer of the clip
	// worker) is a chunk of its own, loaded when first needed.
	worker: { format: 'es' },
	plugins: [
		clientOnlyLazy(),
		lucideIcon(),
		sveltekit(),
		SvelteKitPWA({
			// Updates wait for the person: a toast offers Reload, nothing is forced mid-shot.
			registerType: 'prompt',
			injectRegister: false,
			// Our own worker (src/service-worker.ts, bundled by SvelteKit, which does not register
			// it): Workbox's precache and routing, plus exports streamed into the download.
			strategies: 'injectManifest',
			filename: 'sw.js',
			manifest,
			// Icons are made at build time from the one SVG source.
			pwaAssets: {
				image: 'static/favicon.svg',
				preset: {
					...minimal2023Preset,
					maskable: {
						...minimal2023Preset.maskable,
						resizeOptions: { background: '#0b0b0f', fit: 'contain' }
					},
					apple: {
						...minimal2023Preset.apple,
						resizeOptions: { background: '#0b0b0f', fit: 'contain' }
					}
				},
				includeHtmlHeadLinks: false,
				overrideManifestIcons: true
			},
			kit: {
				adapterFallback: '200.html',
				spa: true,
				trailingSlash: 'never',
				// SvelteKit asks for it when a route is not found; offline it must come from the cache.
				includeVersionFile: true
			},
			injectManifest: {
				// The whole app shell, every route's HTML, icons and the manifest are precached.
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,woff,woff2,webmanifest}',
					'prerendered/**/*.{html,json}'
				],
				// Screenshots are only for install dialogs; they need not take space offline.
				globIgnores: ['server/**', 'client/screenshots/**']
			},
			devOptions: { enabled: false }
		})
	],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		// CI totals the runners from their JSON reports (.ci/run).
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: { json: 'reports/unit.json' }
	}
});
