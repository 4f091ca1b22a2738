/**
 * The web app manifest. Icons are added at build time by the PWA assets generator from
 * static/favicon.svg; screenshots are real ones made by `npm run screenshots`.
 */
import type { ManifestOptions } from 'vite-plugin-pwa';

/** The dark frame around the viewfinder: the colour the app opens on. */
export const THEME_DARK = '#0b0b0f';

export const manifest: Partial<ManifestOptions> = {
	id: '/',
	name: 'Photo Booth',
	short_name: 'Photo Booth',
	description: 'An offline photo booth: take photos, keep them on this device, export them.',
	lang: 'en',
	dir: 'ltr',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	display_override: ['fullscreen', 'standalone', 'minimal-ui'],
	orientation: 'any',
	// The manifest takes one colour; the camera opens dark, so the splash and title bar are dark.
	// Light and dark pages set their own theme-color meta tags (app.html).
	theme_color: THEME_DARK,
	background_color: THEME_DARK,
	categories: ['photo', 'entertainment', 'utilities'],
	prefer_related_applications: false,
	shortcuts: [
		{
			name: 'Take a photo',
			short_name: 'Camera',
			description: 'Open the camera, ready to shoot',
			url: '/',
			icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }]
		},
		{
			name: 'Gallery',
			short_name: 'Gallery',
			description: 'Browse, download and delete your photos',
			url: '/gallery',
			icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }]
		}
	],
	screenshots: [
		{
			src: '/screenshots/camera-wide.png',
			sizes: '1280x800',
			type: 'image/png',
			form_factor: 'wide',
			label: 'The camera with its live preview and shutter'
		},
		{
			src: '/screenshots/camera-narrow.png',
			sizes: '412x892',
			type: 'image/png',
			form_factor: 'narrow',
			label: 'The camera on a phone'
		}
	]
};
