/**
 * A Svelte action for a <video>: it pauses while it is off screen (scrolled or swiped away, the
 * tab hidden) and, if it was playing by itself (a looping boomerang), plays again once it is
 * back. A video the person paused stays paused.
 */
export function pauseOffscreen(video: HTMLVideoElement): { destroy(): void } {
	let visible = true;
	let pausedByUs = false;
	const update = () => {
		const show = visible && document.visibilityState === 'visible';
		if (!show && !video.paused) {
			video.pause();
			pausedByUs = true;
		} else if (show && pausedByUs) {
			pausedByUs = false;
			void video.play().catch(() => {});
		}
	};
	const observer =
		typeof IntersectionObserver === 'function'
			? new IntersectionObserver((entries) => {
					visible = entries.some((e) => e.isIntersecting);
					update();
				})
			: undefined;
	observer?.observe(video);
	document.addEventListener('visibilitychange', update);
	return {
		destroy() {
			observer?.disconnect();
			document.removeEventListener('visibilitychange', update);
		}
	};
}
