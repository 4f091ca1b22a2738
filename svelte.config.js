import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Every route is prerendered as an empty shell (ssr is off); 200.html catches deep links
		// to anything else so the app works on any static host.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true })
	}
};

export default config;
