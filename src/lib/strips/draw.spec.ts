import { describe, expect, it } from 'vitest';
import type { Context2D } from '$lib/pixels/canvas';
import { bandLines, colours, drawStrip, THEMES } from './draw';
import { coverCrop, layouts, stripLayout } from './layouts';

/** A 2D context that records what is drawn (and answers measureText by character count). */
function recorder() {
	const calls: unknown[][] = [];
	const ctx = new Proxy({} as Record<string, unknown>, {
		get: (target, key) => {
			if (key === 'measureText') return (t: string) => ({ width: t.length * 10 });
			return key in target ? target[key as string] : (...args: unknown[]) => calls.push([key, ...args]);
		},
		set: (target, key, value) => {
			target[key as string] = value;
			calls.push(['set', key, value]);
			return true;
		}
	}) as unknown as Context2D;
	return { ctx, calls };
}

const shot = (width = 1920, height = 1080) => ({ width, height }) as unknown as CanvasImageSource & { width: number; height: number };
const design = { caption: 'Ada & Grace', date: true, background: 'classic' };

describe('drawStrip', () => {
	it('fills the page, then draws each shot centre-cropped into its cell', () => {
		const layout = stripLayout(4);
		const shots = [shot(), shot(), shot(), shot()];
		const { ctx, calls } = recorder();
		drawStrip(ctx, layout, shots, design, Date.UTC(2026, 10, 30));
		expect(calls.find((c) => c[0] === 'fillRect')).toEqual(['fillRect', 0, 0, 600, 1800]);
		const draws = calls.filter((c) => c[0] === 'drawImage');
		expect(draws).toHaveLength(4);
		draws.forEach((d, i) => {
			const { rect } = layout.cells[i];
			const crop = coverCrop(shots[i], rect);
			expect(d).toEqual(['drawImage', shots[i], crop.x, crop.y, crop.width, crop.height, rect.x, rect.y, rect.width, rect.height]);
		});
	});

	it('writes the caption and the date in every band, and puts the overlay over all of it', () => {
		const two = layouts(4).find((l) => l.id === 'two-strips-4x6')!;
		const overlay = {} as CanvasImageSource;
		const { ctx, calls } = recorder();
		drawStrip(ctx, two, [shot(), shot(), shot(), shot()], design, Date.UTC(2026, 10, 30, 12), overlay);
		const texts = calls.filter((c) => c[0] === 'fillText').map((c) => c[1]);
		expect(texts.filter((t) => t === 'Ada & Grace')).toHaveLength(2);
		expect(texts.filter((t) => /2026/.test(String(t)))).toHaveLength(2);
		expect(calls.at(-1)).toEqual(['drawImage', overlay, 0, 0, 1200, 1800]);
	});

	it('leaves a missing shot’s cell plain, and writes nothing where there is no caption or date', () => {
		const { ctx, calls } = recorder();
		drawStrip(ctx, stripLayout(3), [shot(), undefined, shot()], { caption: ' ', date: false, background: '#000000' }, 0);
		expect(calls.filter((c) => c[0] === 'drawImage')).toHaveLength(2);
		expect(calls.filter((c) => c[0] === 'fillText')).toHaveLength(0);
	});
});

describe('designs', () => {
	it('use a theme, or a colour of their own with ink that reads on it', () => {
		expect(colours({ ...design, background: 'night' })).toMatchObject({ background: THEMES[1].background });
		expect(colours({ ...design, background: '#FFEEDD' }).ink).toBe('#1d1d22');
		expect(colours({ ...design, background: '#102030' }).ink).toBe('#f4f4f8');
		expect(colours({ ...design, background: 'url(evil)' })).toBe(THEMES[0]);
	});

	it('band lines: the caption trimmed, then the date when asked', () => {
		expect(bandLines({ caption: '  Party  ', date: false, background: 'classic' }, 0)).toEqual(['Party']);
		expect(bandLines({ caption: '', date: true, background: 'classic' }, Date.UTC(2026, 10, 30, 12), 'en-GB')).toEqual(['30 November 2026']);
	});
});
