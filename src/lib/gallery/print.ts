/**
 * Printing a strip or a photo: a sheet of its own, page-sized by CSS @page (2x6 in, 4x6 in or
 * 6x4 in, no margin) with one page per copy, and nothing else of the app in print. The sheet
 * stays in the page until the next print or until it is taken away, so a print preview (or a
 * test's page.pdf) finds it whenever it looks.
 */
import { layouts } from '$lib/strips/layouts';
import type { PhotoMeta } from '$lib/photos/types';

const SHEET_ID = 'print-sheet';

/** The page a print of this item is made on, in inches. */
export function printPage(meta: Pick<PhotoMeta, 'width' | 'height' | 'kind' | 'strip'>): { width: number; height: number } {
	if (meta.kind === 'strip' && meta.strip) {
		const layout = layouts(meta.strip.stripShots).find((l) => l.id === meta.strip!.layout);
		if (layout) return layout.inches;
	}
	// A photo: on a 4x6 print, turned the way it is.
	return meta.width >= meta.height ? { width: 6, height: 4 } : { width: 4, height: 6 };
}

/**
 * The sheet's CSS: a constructed stylesheet, since the page size is the item's and the app's
 * CSP allows no inline <style> (constructed sheets are not inline styles).
 */
let rules: CSSStyleSheet | undefined;

/** Takes the last sheet away (the dialog closed). */
export function clearPrintSheet(): void {
	document.getElementById(SHEET_ID)?.remove();
	if (rules) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== rules);
	rules = undefined;
}

/**
 * Puts `copies` pages of `imageUrl` into a print-only sheet sized for the item, and opens the
 * browser's print. A strip fills its page exactly; a photo is fitted whole on its page.
 */
export function printImage(imageUrl: string, page: { width: number; height: number }, copies: number, fill: boolean): void {
	clearPrintSheet();
	rules = new CSSStyleSheet();
	rules.replaceSync(`
@page { size: ${page.width}in ${page.height}in; margin: 0; }
#${SHEET_ID} { display: none; }
@media print {
	html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; height: auto !important; overflow: visible !important; }
	body > :not(#${SHEET_ID}) { display: none !important; }
	#${SHEET_ID} { display: block; }
	#${SHEET_ID} .page { width: ${page.width}in; height: ${page.height}in; overflow: hidden; break-after: page; display: flex; align-items: center; justify-content: center; }
	#${SHEET_ID} .page:last-child { break-after: auto; }
	#${SHEET_ID} img { width: 100%; height: 100%; object-fit: ${fill ? 'fill' : 'contain'}; display: block; }
}`);
	const sheet = document.createElement('div');
	sheet.id = SHEET_ID;
	sheet.setAttribute('aria-hidden', 'true');
	for (let i = 0; i < copies; i++) {
		const pageEl = document.createElement('div');
		pageEl.className = 'page';
		const img = document.createElement('img');
		img.src = imageUrl;
		img.alt = '';
		pageEl.append(img);
		sheet.append(pageEl);
	}
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, rules];
	document.body.append(sheet);
	window.print();
}
