/**
 * Where to re-allow the camera, in the words of the browser the person is using.
 */
export function permissionHelp(ua = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
	const ios = /iPhone|iPad|iPod/.test(ua);
	const android = /Android/.test(ua);
	if (ios) return 'On iPhone or iPad: tap “aA” in the address bar, then Website Settings › Camera › Allow, and press Retry.';
	if (/Firefox\//.test(ua)) {
		return 'In Firefox: click the crossed-out camera icon in the address bar, clear “Blocked Temporarily” or the blocked permission, then press Retry.';
	}
	if (/Edg\//.test(ua)) return 'In Edge: click the lock icon at the left of the address bar, set Camera to Allow, then press Retry.';
	if (/Chrome\//.test(ua) || /Chromium\//.test(ua)) {
		return android
			? 'In Chrome: tap the icon at the left of the address bar, then Permissions › Camera › Allow, and press Retry.'
			: 'In Chrome: click the icon at the left of the address bar (or the crossed-out camera at its right), set Camera to Allow, then press Retry.';
	}
	if (/Safari\//.test(ua)) return 'In Safari: choose Safari › Settings for This Website, set Camera to Allow, then press Retry.';
	return 'Open this site’s settings in your browser (usually from the icon at the left of the address bar), allow the camera, then press Retry.';
}
