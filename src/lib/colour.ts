/** A CSS "#rrggbb" colour as its red, green and blue (0-255); undefined for anything else. */
export function hexToRgb(hex: string | undefined): [number, number, number] | undefined {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
	return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : undefined;
}
