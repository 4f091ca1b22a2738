/**
 * A boomerang's frame order: forward, then back, each end shown once per swing (0 1 2 3 2 1, then
 * 0 again), whole swings repeated until it lasts at least `minFrames`, so a clip played once is
 * long enough for apps that refuse clips under 3 s. It ends one frame short of the start, so a
 * player that loops it swings on without showing the first frame twice. Pure.
 */
export function boomerangOrder(count: number, minFrames = 0): number[] {
	if (count <= 0) return [];
	if (count === 1) return Array.from({ length: Math.max(1, minFrames) }, () => 0);
	const swing: number[] = [];
	for (let i = 0; i < count; i++) swing.push(i);
	for (let i = count - 2; i > 0; i--) swing.push(i);
	const order = [...swing];
	while (order.length < minFrames) order.push(...swing);
	return order;
}
