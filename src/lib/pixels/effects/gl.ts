/**
 * The effect pipeline: one WebGL context that draws a picture through an effect's shader. The
 * preview (a canvas over the camera's video), the picker's live tiles and the saved photo (in
 * the encode worker, on an OffscreenCanvas) all use it, with the same shaders and uniforms.
 * WebGL2 where there is one, else WebGL1 (the shaders are GLSL ES 1.00, which both take).
 * A lost context is given back by the browser: programs are made again on the next draw.
 */
import { fragmentShader, VERTEX_SHADER } from './shaders';
import { isPlanar, type PlanarFrame } from './planes';

export type { PlanarFrame };

type GL = WebGLRenderingContext | WebGL2RenderingContext;
type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

interface Program {
	program: WebGLProgram;
	map: WebGLUniformLocation | null;
	inv: WebGLUniformLocation | null;
	aspect: WebGLUniformLocation | null;
	px: WebGLUniformLocation | null;
	/** Programs that read YUV planes (planes.ts). */
	planar?: { nv12: WebGLUniformLocation | null; yuv: WebGLUniformLocation | null; offset: WebGLUniformLocation | null };
}

/** Where a picture is read from and drawn to: see shaders.ts for the spaces. */
export interface Placement {
	/** Photo space to the texture: x, y, width, height (a negative width mirrors). */
	map: readonly [number, number, number, number];
	/** The photo's width / height. */
	aspect: number;
}

/** The whole picture, as it is (a saved photo: already cut and mirrored). */
export const WHOLE = (width: number, height: number): Placement => ({ map: [0, 0, 1, 1], aspect: width / height });

/**
 * A camera frame shown whole while the photo is its `crop` (fractions, y from the top),
 * mirrored or not: what the preview canvas draws.
 */
export function framePlacement(
	frame: { width: number; height: number },
	crop: { x: number; y: number; width: number; height: number } | undefined,
	mirror: boolean
): Placement {
	const c = crop ?? { x: 0, y: 0, width: 1, height: 1 };
	// Texture y runs up (the picture is uploaded flipped): the crop's top is 1 - y.
	const y = 1 - c.y - c.height;
	return {
		map: mirror ? [c.x + c.width, y, -c.width, c.height] : [c.x, y, c.width, c.height],
		aspect: (c.width * frame.width) / (c.height * frame.height)
	};
}

export class EffectGL {
	readonly canvas: AnyCanvas;
	#gl: GL;
	#programs = new Map<string, Program | null>();
	#texture: WebGLTexture | null = null;
	/** The chroma planes' textures (units 1 and 2), for planar sources. */
	#chroma: [WebGLTexture | null, WebGLTexture | null] = [null, null];
	/** What the last upload was: the same kind is drawn again when `draw` gets no source. */
	#lastPlanar: PlanarFrame | null = null;
	#lost = false;

	private constructor(canvas: AnyCanvas, gl: GL) {
		this.canvas = canvas;
		this.#gl = gl;
		canvas.addEventListener('webglcontextlost', (e) => {
			// Asks the browser to give it back; until then draws do nothing.
			e.preventDefault();
			this.#lost = true;
		});
		canvas.addEventListener('webglcontextrestored', () => {
			this.#lost = false;
			this.#programs.clear();
			this.#setup();
		});
		this.#setup();
	}

	/** A pipeline on `canvas`, or null where WebGL is missing (or turned off). */
	static create(canvas: AnyCanvas, options: { preserve?: boolean } = {}): EffectGL | null {
		const attrs: WebGLContextAttributes = {
			alpha: false,
			antialias: false,
			depth: false,
			premultipliedAlpha: false,
			preserveDrawingBuffer: options.preserve ?? false
		};
		try {
			const gl =
				(canvas.getContext('webgl2', attrs) as WebGL2RenderingContext | null) ??
				(canvas.getContext('webgl', attrs) as WebGLRenderingContext | null);
			return gl ? new EffectGL(canvas, gl) : null;
		} catch {
			return null;
		}
	}

	/** Whether the context is lost (the browser gives it back; draws wait till then). */
	get lost(): boolean {
		return this.#lost || this.#gl.isContextLost();
	}

	#setup(): void {
		const gl = this.#gl;
		const buffer = gl.createBuffer();
		gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
		gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
		const texture = (unit: number) => {
			const t = gl.createTexture();
			gl.activeTexture(gl.TEXTURE0 + unit);
			gl.bindTexture(gl.TEXTURE_2D, t);
			gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
			gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
			gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
			gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
			return t;
		};
		this.#chroma = [texture(1), texture(2)];
		this.#texture = texture(0);
		gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, true);
		// Planes are packed tight: rows of any width.
		gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
	}

	#program(id: string, planar: boolean): Program | null {
		const key = planar ? `${id}:yuv` : id;
		const known = this.#programs.get(key);
		if (known !== undefined) return known;
		const gl = this.#gl;
		const source = fragmentShader(id, planar);
		let made: Program | null = null;
		if (source) {
			const vs = compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
			const fs = compile(gl, gl.FRAGMENT_SHADER, source);
			const program = gl.createProgram();
			if (vs && fs && program) {
				gl.attachShader(program, vs);
				gl.attachShader(program, fs);
				gl.bindAttribLocation(program, 0, 'a_pos');
				gl.linkProgram(program);
				if (gl.getProgramParameter(program, gl.LINK_STATUS)) {
					made = {
						program,
						map: gl.getUniformLocation(program, 'u_map'),
						inv: gl.getUniformLocation(program, 'u_inv'),
						aspect: gl.getUniformLocation(program, 'u_aspect'),
						px: gl.getUniformLocation(program, 'u_px')
					};
					if (planar) {
						gl.useProgram(program);
						gl.uniform1i(gl.getUniformLocation(program, 'u_cb'), 1);
						gl.uniform1i(gl.getUniformLocation(program, 'u_cr'), 2);
						made.planar = {
							nv12: gl.getUniformLocation(program, 'u_nv12'),
							yuv: gl.getUniformLocation(program, 'u_yuv'),
							offset: gl.getUniformLocation(program, 'u_yuvOffset')
						};
					}
				} else if (!gl.isContextLost()) console.warn(`Effect ${id} did not link:`, gl.getProgramInfoLog(program));
			}
		}
		this.#programs.set(key, made);
		return made;
	}

	/**
	 * Draws `source` through effect `id` onto the canvas, resized to `out`. Returns false when
	 * nothing was drawn (a lost context, an unknown effect), and the caller shows the picture
	 * plain. `source` null draws the picture uploaded last again (the picker's tiles: one upload
	 * a frame); `area` draws into that part of the canvas only, showing the photo's part alone.
	 */
	draw(
		source: TexImageSource | PlanarFrame | null,
		id: string,
		placement: Placement,
		out: { width: number; height: number },
		area?: { x: number; y: number; width: number; height: number }
	): boolean {
		if (this.lost) return false;
		const gl = this.#gl;
		if (this.canvas.width !== out.width) this.canvas.width = out.width;
		if (this.canvas.height !== out.height) this.canvas.height = out.height;
		if (source) this.#lastPlanar = isPlanar(source) ? source : null;
		const planar = this.#lastPlanar;
		const p = this.#program(id, planar !== null);
		if (!p) return false;
		if (area) gl.viewport(area.x, out.height - area.y - area.height, area.width, area.height);
		else gl.viewport(0, 0, out.width, out.height);
		gl.useProgram(p.program);
		if (source) {
			try {
				if (planar) this.#uploadPlanes(planar);
				else {
					gl.activeTexture(gl.TEXTURE0);
					gl.bindTexture(gl.TEXTURE_2D, this.#texture);
					gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source as TexImageSource);
				}
			} catch (e) {
				console.warn('The picture could not be read for the effect:', e);
				return false;
			}
		}
		if (planar && p.planar) {
			gl.uniform1f(p.planar.nv12, planar.format === 'NV12' ? 1 : 0);
			gl.uniformMatrix3fv(p.planar.yuv, false, planar.matrix);
			gl.uniform3fv(p.planar.offset, planar.offset);
		}
		const [x, y, w, h] = placement.map;
		gl.uniform4f(p.map, x, y, w, h);
		// The canvas shows the texture's whole space, q being the photo's part of it; an area
		// shows the photo alone.
		if (area) gl.uniform4f(p.inv, 0, 0, 1, 1);
		else gl.uniform4f(p.inv, -x / w, -y / h, 1 / w, 1 / h);
		gl.uniform1f(p.aspect, placement.aspect);
		gl.uniform2f(p.px, 1 / (720 * placement.aspect), 1 / 720);
		gl.enableVertexAttribArray(0);
		gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
		gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
		return !gl.isContextLost();
	}

	/** Uploads a frame's planes as single-channel textures (two-channel for NV12's UV). */
	#uploadPlanes(f: PlanarFrame): void {
		const gl = this.#gl;
		const cw = Math.ceil(f.width / 2);
		const ch = Math.ceil(f.height / 2);
		const plane = (unit: number, texture: WebGLTexture | null, format: number, w: number, h: number, at: number, bytes: number) => {
			gl.activeTexture(gl.TEXTURE0 + unit);
			gl.bindTexture(gl.TEXTURE_2D, texture);
			gl.texImage2D(gl.TEXTURE_2D, 0, format, w, h, 0, format, gl.UNSIGNED_BYTE, f.data.subarray(at, at + w * h * bytes));
		};
		plane(0, this.#texture, gl.LUMINANCE, f.width, f.height, f.offsets[0], 1);
		if (f.format === 'I420') {
			plane(1, this.#chroma[0], gl.LUMINANCE, cw, ch, f.offsets[1], 1);
			plane(2, this.#chroma[1], gl.LUMINANCE, cw, ch, f.offsets[2], 1);
		} else {
			plane(1, this.#chroma[0], gl.LUMINANCE_ALPHA, cw, ch, f.offsets[1], 2);
			// u_cr is not read for NV12, but a sampler must have a texture that is complete.
			plane(2, this.#chroma[1], gl.LUMINANCE, 1, 1, f.offsets[0], 1);
		}
		gl.activeTexture(gl.TEXTURE0);
	}

	/** Loses the context on purpose (tests of recovery), where the browser allows it. */
	loseContext(): WEBGL_lose_context | null {
		return this.#gl.getExtension('WEBGL_lose_context');
	}
}

function compile(gl: GL, type: number, source: string): WebGLShader | null {
	const shader = gl.createShader(type);
	if (!shader) return null;
	gl.shaderSource(shader, source);
	gl.compileShader(shader);
	if (gl.getShaderParameter(shader, gl.COMPILE_STATUS) || gl.isContextLost()) return shader;
	console.warn('Effect shader did not compile:', gl.getShaderInfoLog(shader));
	return null;
}
