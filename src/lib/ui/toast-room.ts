/**
 * Notices (toasts) stand above a bar that runs along the bottom of the screen (the camera's
 * shutter bar), never over its buttons: the bar's top is kept in `--toast-bottom`, which the
 * toasts read. Loaded after the camera's first frame; returns the function that stops it.
 */
export function keepToastsAbove(el: HTMLElement): () => void {
	const root = document.documentElement.style;
	const place = () => {
		const r = el.getBoundingClientRect();
		const along = r.bottom >= innerHeight - 2 && r.width > innerWidth / 2;
		root.setProperty('--toast-bottom', along ? `${Math.round(innerHeight - r.top + 8)}px` : '');
	};
	const watch = new ResizeObserver(place);
	watch.observe(el);
	addEventListener('resize', place);
	return () => {
		watch.disconnect();
		removeEventListener('resize', place);
		root.removeProperty('--toast-bottom');
	};
}
