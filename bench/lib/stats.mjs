/** Small statistics helpers; percentiles by the nearest-rank method (no interpolation). */

export function percentile(values, p) {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (!v.length) return NaN;
	const rank = Math.ceil((p / 100) * v.length);
	return v[Math.min(v.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
