/**
 * Sizes of pictures: pure arithmetic shared by the page and the encode worker, so a photo drawn
 * in either place comes out the same size.
 */

export interface Size {
	width: number;
	height: number;
}

/** The size scaled down (never up) to fit within `max`, keeping its shape. */
export function fitSize(width: number, height: number, max?: Size): Size {
	if (!max) return { width, height };
	const scale = Math.min(1, max.width / width, max.height / height);
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The size scaled down (never up) so its longer side is at most `max`. */
export function fitWithin(width: number, height: number, max: number): Size {
	return fitSize(width, height, { width: max, height: max });
}
