import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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

/** Where backdrops' model and runtime come from: files inside their npm packages. */
const SEGMENTATION_FILES = {
	runtimeUrl: 'node_modules/@twilio/video-processors/dist/build/tflite-simd-1-0-0.wasm',
	modelUrl: 'node_modules/@mediapipe/selfie_segmentation/selfie_segmentation.tflite'
};

/**
 * Backdrops' segmentation (backdrops/segmenter.ts) runs on the page and in three workers. Each
 * worker is its own bundle, and a `?url` import in each would emit each 2.6 MB file once per
 * bundle (and precache it as many times). Here the files are emitted once, with a content hash,
 * and `virtual:segmentation-files` gives every bundle the same URLs.
 *
 * The runtime's loader is an Emscripten classic script declaring one global function; workers
 * here are ES modules (no importScripts), so it is imported as a module exporting that function
 * (its Node-only branch loses its `require`s).
 */
function segmentationFiles({ emit }: { emit: boolean }): Plugin {
	const ID = 'virtual:segmentation-files';
	const files = Object.entries(SEGMENTATION_FILES).map(([name, path]) => {
		const source = readFileSync(path);
		const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
		const [, stem, ext] = /([^/]+)\.(\w+)$/.exec(path)!;
		return { name, source, fileName: `_app/immutable/assets/${stem}.${hash}.${ext}` };
	});
	return {
		name: 'photobooth:segmentation-files',
		resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
		load(id) {
			if (id !== `\0${ID}`) return;
			return files.map((f) => `export const ${f.name} = ${JSON.stringify(`/${f.fileName}`)};`).join('\n');
		},
		transform(code, id) {
			if (!/@twilio\/video-processors\/dist\/build\/tflite-simd-[\d-]+\.js$/.test(id.split('?')[0])) return;
			const module = code.replace(/require\("(fs|path)"\)/g, '{}');
			return { code: `${module}\nexport default createTwilioTFLiteSIMDModule;\n`, map: null };
		},
		generateBundle(options) {
			// The client's own build only: not the server's, not each worker's.
			if (!emit || this.environment?.name !== 'client' || !options.dir?.endsWith('client')) return;
			for (const f of files) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const file = files.find((f) => req.url === `/${f.fileName}`);
				if (!file) return next();
				res.setHeader('Content-Type', file.fileName.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
				res.end(file.source);
			});
		}
	};
}

export default defineConfig({
	// Workers are ES modules, so what a worker needs only sometimes (the video muxer of the clip
	// worker) is a chunk of its own, loaded when first needed.
	worker: { format: 'es', plugins: () => [segmentationFiles({ emit: false })] },
	plugins: [
		clientOnlyLazy(),
		lucideIcon(),
		segmentationFiles({ emit: true }),
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
					'client/**/*.{js,css,ico,png,svg,webp,woff,woff2,webmanifest,wasm,tflite}',
					'prerendered/**/*.{html,json}'
				],
				// Screenshots are only for install dialogs; they need not take space offline.
				globIgnores: ['server/**', 'client/screenshots/**'],
				// Backdrops' segmentation runtime (2.6 MB of WebAssembly) must work offline from the
				// first visit, so it is precached with the rest.
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
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
