/**
 * The built-in scenes, drawn by code at any size (no photos copied from anywhere): the same
 * scene drawn into the same area always comes out the same, so the preview and the photo match.
 */
import type { Context2D } from '$lib/pixels/canvas';

export interface Area {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A small seeded random number generator (mulberry32): the stars and confetti stay put. */
function seeded(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function gradient(ctx: Context2D, a: Area, stops: [number, string][]): void {
	const g = ctx.createLinearGradient(0, a.y, 0, a.y + a.height);
	for (const [at, colour] of stops) g.addColorStop(at, colour);
	ctx.fillStyle = g;
	ctx.fillRect(a.x, a.y, a.width, a.height);
}

function sunset(ctx: Context2D, a: Area): void {
	gradient(ctx, a, [[0, '#2b1055'], [0.45, '#d53369'], [0.75, '#ff9a44'], [1, '#ffd194']]);
	const s = Math.min(a.width, a.height);
	const sun = { x: a.x + a.width * 0.5, y: a.y + a.height * 0.66 };
	const glow = ctx.createRadialGradient(sun.x, sun.y, 0, sun.x, sun.y, s * 0.45);
	glow.addColorStop(0, 'rgb(255 236 170 / 0.9)');
	glow.addColorStop(1, 'rgb(255 200 120 / 0)');
	ctx.fillStyle = glow;
	ctx.fillRect(a.x, a.y, a.width, a.height);
	ctx.fillStyle = '#ffe39a';
	ctx.beginPath();
	ctx.arc(sun.x, sun.y, s * 0.13, 0, Math.PI * 2);
	ctx.fill();
	// Two rows of hills in front of the sun.
	for (const [top, colour] of [[0.74, '#7a2e5c'], [0.84, '#3d1842']] as const) {
		ctx.fillStyle = colour;
		ctx.beginPath();
		ctx.moveTo(a.x, a.y + a.height);
		ctx.lineTo(a.x, a.y + a.height * top);
		const bumps = 4;
		for (let i = 0; i < bumps; i++) {
			const x0 = a.x + (a.width * i) / bumps;
			const x1 = a.x + (a.width * (i + 1)) / bumps;
			const lift = (i % 2 ? 0.06 : 0.1) * a.height;
			ctx.quadraticCurveTo((x0 + x1) / 2, a.y + a.height * top - lift, x1, a.y + a.height * top);
		}
		ctx.lineTo(a.x + a.width, a.y + a.height);
		ctx.closePath();
		ctx.fill();
	}
}

function night(ctx: Context2D, a: Area): void {
	gradient(ctx, a, [[0, '#050816'], [0.6, '#101a44'], [1, '#27306b']]);
	const s = Math.min(a.width, a.height);
	const random = seeded(7);
	ctx.fillStyle = '#fff';
	for (let i = 0; i < 220; i++) {
		const x = a.x + random() * a.width;
		const y = a.y + random() * a.height * 0.85;
		const r = s * (0.0015 + random() * 0.004);
		ctx.globalAlpha = 0.35 + random() * 0.65;
		ctx.beginPath();
		ctx.arc(x, y, r, 0, Math.PI * 2);
		ctx.fill();
	}
	ctx.globalAlpha = 1;
	const moon = { x: a.x + a.width * 0.8, y: a.y + a.height * 0.2, r: s * 0.09 };
	ctx.fillStyle = '#fdf6d8';
	ctx.beginPath();
	ctx.arc(moon.x, moon.y, moon.r, 0, Math.PI * 2);
	ctx.fill();
	ctx.fillStyle = '#0b1230';
	ctx.beginPath();
	ctx.arc(moon.x + moon.r * 0.45, moon.y - moon.r * 0.2, moon.r * 0.9, 0, Math.PI * 2);
	ctx.fill();
}

const CONFETTI = ['#ff4d9d', '#ffd23f', '#14b8a6', '#7c3aed', '#3b82f6', '#f97316'];

function confetti(ctx: Context2D, a: Area): void {
	gradient(ctx, a, [[0, '#fff7e8'], [1, '#ffe1f0']]);
	const s = Math.min(a.width, a.height);
	const random = seeded(11);
	for (let i = 0; i < 160; i++) {
		const x = a.x + random() * a.width;
		const y = a.y + random() * a.height;
		const size = s * (0.012 + random() * 0.022);
		ctx.fillStyle = CONFETTI[Math.floor(random() * CONFETTI.length)];
		ctx.save();
		ctx.translate(x, y);
		ctx.rotate(random() * Math.PI);
		if (random() < 0.35) {
			ctx.beginPath();
			ctx.arc(0, 0, size / 2, 0, Math.PI * 2);
			ctx.fill();
		} else ctx.fillRect(-size / 2, -size / 5, size, (size * 2) / 5);
		ctx.restore();
	}
}

const SCENES: Record<string, (ctx: Context2D, a: Area) => void> = { sunset, night, confetti };

/** Draws the scene named `id` to fill `area`; false where there is no such scene. */
export function drawScene(ctx: Context2D, id: string, area: Area): boolean {
	const draw = SCENES[id];
	if (!draw) return false;
	ctx.save();
	try {
		draw(ctx, area);
	} finally {
		ctx.restore();
	}
	return true;
}
