/**
 * One fragment shader per effect (GLSL ES 1.00, so WebGL1 and WebGL2 both take it). Each body
 * defines `vec4 effect(vec2 q)`, the colour at `q` in the photo's own space (0..1 across the
 * picture as it is saved, y up), reading the picture with `S(q)`. Everything is in those units,
 * never in pixels, so the preview (a small canvas over the whole camera frame) and the saved
 * photo (full resolution, already cut and mirrored) come out the same.
 */

/** Reads the picture from an RGB texture (what WebGL made of an image, a canvas or a video). */
const SAMPLE_RGB = `vec4 S(vec2 q) { return texture2D(u_image, u_map.xy + clamp(q, 0.0, 1.0) * u_map.zw); }`;

/**
 * Reads the picture from a camera frame's YUV planes (planes.ts): Y in u_image, U in u_cb's
 * red, V in u_cr's red (I420) or in u_cb's alpha (NV12, u_nv12 = 1), turned into RGB here.
 */
const SAMPLE_YUV = `uniform sampler2D u_cb;
uniform sampler2D u_cr;
uniform float u_nv12;
uniform mat3 u_yuv;
uniform vec3 u_yuvOffset;
vec4 S(vec2 q) {
	vec2 t = u_map.xy + clamp(q, 0.0, 1.0) * u_map.zw;
	vec4 cb = texture2D(u_cb, t);
	vec3 yuv = vec3(texture2D(u_image, t).r, cb.r, mix(texture2D(u_cr, t).r, cb.a, u_nv12));
	return vec4(clamp(u_yuv * (yuv - u_yuvOffset), 0.0, 1.0), 1.0);
}`;

const head = (SAMPLE: string) => `precision highp float;
varying vec2 v_uv;
uniform sampler2D u_image;
// q (photo space) to the texture: tex = u_map.xy + q * u_map.zw (the crop, and a mirror as a negative width).
uniform vec4 u_map;
// The canvas (0..1) to q: q = u_inv.xy + v_uv * u_inv.zw.
uniform vec4 u_inv;
// The photo's width / height: distortions stay round.
uniform float u_aspect;
// About one pixel of a 720-line picture, in q: edges look alike at every size.
uniform vec2 u_px;
${SAMPLE}
float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }
// From q to a centred space where a circle is round (height 1), and back.
vec2 toP(vec2 q) { return (q - 0.5) * vec2(u_aspect, 1.0); }
vec2 fromP(vec2 p) { return p / vec2(u_aspect, 1.0) + 0.5; }
float edge(vec2 q) {
	vec2 d = u_px * 1.5;
	float tl = luma(S(q + vec2(-d.x, d.y)).rgb), t = luma(S(q + vec2(0.0, d.y)).rgb), tr = luma(S(q + d).rgb);
	float l = luma(S(q - vec2(d.x, 0.0)).rgb), r = luma(S(q + vec2(d.x, 0.0)).rgb);
	float bl = luma(S(q - d).rgb), b = luma(S(q - vec2(0.0, d.y)).rgb), br = luma(S(q + vec2(d.x, -d.y)).rgb);
	float gx = tr + 2.0 * r + br - tl - 2.0 * l - bl;
	float gy = tl + 2.0 * t + tr - bl - 2.0 * b - br;
	return length(vec2(gx, gy));
}
`;

const MAIN = `
void main() { gl_FragColor = effect(u_inv.xy + v_uv * u_inv.zw); }
`;

/** Radial distortions: `s(r)` is where, at distance r from the centre, the picture is read. */
const radial = (body: string) => `
vec4 effect(vec2 q) {
	vec2 p = toP(q);
	float r = length(p);
	const float R = 0.45;
	if (r >= R || r == 0.0) return S(q);
	float x = r / R;
	${body}
	return S(fromP(p));
}`;

const BODIES: Record<string, string> = {
	normal: `vec4 effect(vec2 q) { return S(q); }`,
	bw: `vec4 effect(vec2 q) { float l = luma(S(q).rgb); return vec4(vec3(l), 1.0); }`,
	sepia: `vec4 effect(vec2 q) {
	vec3 c = S(q).rgb;
	return vec4(clamp(vec3(
		dot(c, vec3(0.393, 0.769, 0.189)),
		dot(c, vec3(0.349, 0.686, 0.168)),
		dot(c, vec3(0.272, 0.534, 0.131))), 0.0, 1.0), 1.0);
}`,
	noir: `vec4 effect(vec2 q) {
	float l = smoothstep(0.12, 0.82, luma(S(q).rgb));
	float v = 1.0 - 0.55 * smoothstep(0.35, 0.85, length(toP(q)));
	return vec4(vec3(l * v), 1.0);
}`,
	vivid: `vec4 effect(vec2 q) {
	vec3 c = S(q).rgb;
	float l = luma(c);
	c = mix(vec3(l), c, 1.6);
	c = (c - 0.5) * 1.15 + 0.5;
	return vec4(clamp(c, 0.0, 1.0), 1.0);
}`,
	comic: `vec4 effect(vec2 q) {
	vec3 c = S(q).rgb;
	c = floor(c * 4.0 + 0.5) / 4.0;
	float ink = smoothstep(0.35, 0.6, edge(q));
	return vec4(mix(c, vec3(0.05), ink), 1.0);
}`,
	thermal: `vec4 effect(vec2 q) {
	float l = luma(S(q).rgb);
	vec3 c = l < 0.25 ? mix(vec3(0.0, 0.0, 0.2), vec3(0.2, 0.0, 0.8), l / 0.25)
		: l < 0.5 ? mix(vec3(0.2, 0.0, 0.8), vec3(0.9, 0.0, 0.4), (l - 0.25) / 0.25)
		: l < 0.75 ? mix(vec3(0.9, 0.0, 0.4), vec3(1.0, 0.6, 0.0), (l - 0.5) / 0.25)
		: mix(vec3(1.0, 0.6, 0.0), vec3(1.0, 1.0, 0.85), (l - 0.75) / 0.25);
	return vec4(c, 1.0);
}`,
	xray: `vec4 effect(vec2 q) {
	float l = 1.0 - luma(S(q).rgb);
	l = smoothstep(0.1, 0.95, l);
	return vec4(vec3(0.72, 0.86, 1.0) * l, 1.0);
}`,
	popart: `vec4 effect(vec2 q) {
	vec2 tile = floor(q * 2.0);
	float l = luma(S(fract(q * 2.0)).rgb);
	float i = tile.x + 2.0 * (1.0 - tile.y);
	vec3 dark = i < 0.5 ? vec3(0.9, 0.1, 0.45) : i < 1.5 ? vec3(0.1, 0.25, 0.85) : i < 2.5 ? vec3(0.95, 0.45, 0.0) : vec3(0.1, 0.6, 0.3);
	vec3 light = i < 0.5 ? vec3(1.0, 0.9, 0.2) : i < 1.5 ? vec3(1.0, 0.55, 0.75) : i < 2.5 ? vec3(0.35, 0.85, 1.0) : vec3(1.0, 0.95, 0.6);
	return vec4(mix(dark, light, smoothstep(0.4, 0.55, l)), 1.0);
}`,
	sketch: `vec4 effect(vec2 q) {
	float e = edge(q);
	float l = luma(S(q).rgb);
	float pencil = 1.0 - smoothstep(0.08, 0.5, e) * 0.85 - (1.0 - l) * 0.18;
	return vec4(vec3(0.97, 0.95, 0.9) * clamp(pencil, 0.0, 1.0), 1.0);
}`,
	bulge: radial(`p *= pow(x, 0.6);`),
	dent: radial(`p *= pow(x, -0.4) ;`),
	twirl: radial(`float a = 2.6 * (1.0 - x) * (1.0 - x);
	p = mat2(cos(a), -sin(a), sin(a), cos(a)) * p;`),
	squeeze: `vec4 effect(vec2 q) {
	float d = q.x - 0.5;
	return S(vec2(0.5 + sign(d) * 0.5 * pow(abs(d) / 0.5, 0.65), q.y));
}`,
	stretch: `vec4 effect(vec2 q) {
	float d = q.y - 0.5;
	return S(vec2(q.x, 0.5 + sign(d) * 0.5 * pow(abs(d) / 0.5, 1.5)));
}`,
	mirror: `vec4 effect(vec2 q) { return S(vec2(q.x < 0.5 ? q.x : 1.0 - q.x, q.y)); }`,
	kaleidoscope: `vec4 effect(vec2 q) {
	vec2 p = toP(q);
	float r = length(p);
	const float SEG = 6.2831853 / 6.0;
	float a = mod(atan(p.y, p.x), SEG);
	if (a > SEG * 0.5) a = SEG - a;
	return S(fromP(r * vec2(cos(a), sin(a))));
}`,
	fisheye: `vec4 effect(vec2 q) {
	vec2 p = toP(q);
	float rn = length(p) / length(vec2(u_aspect, 1.0) * 0.5);
	return S(fromP(p * (0.55 + 0.45 * rn * rn)));
}`
};

/** The fragment shader for an effect, or undefined for an id this version does not know. */
export function fragmentShader(id: string, planar = false): string | undefined {
	const body = BODIES[id];
	return body && head(planar ? SAMPLE_YUV : SAMPLE_RGB) + body + MAIN;
}

export const VERTEX_SHADER = `attribute vec2 a_pos;
varying vec2 v_uv;
void main() { v_uv = a_pos * 0.5 + 0.5; gl_Position = vec4(a_pos, 0.0, 1.0); }
`;
