/**
 * Whether this browser can share image files (Web Share API level 2): asked with a tiny probe
 * file. Apart from share.ts so pages can decide to show a Share button without loading it.
 */
export function canShareFiles(): boolean {
	try {
		return (
			typeof navigator.share === 'function' &&
			typeof navigator.canShare === 'function' &&
			navigator.canShare({ files: [new File([new Uint8Array(1)], 'probe.jpg', { type: 'image/jpeg' })] })
		);
	} catch {
		return false;
	}
}
