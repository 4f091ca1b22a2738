/** A moving picture's length in whole seconds, as players show it: "0:03", "1:05". Pure. */
export function formatDuration(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
