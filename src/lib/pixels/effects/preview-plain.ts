/**
 * The live preview's 2D path, for a backdrop without an effect (or without WebGL).
 */
import { planesToImage, type PlanarFrame } from './planes';

/**
 * A backdrop without an effect (or without WebGL): the frame is drawn straight onto the shown
 * canvas (2D) and the person composited there, whole, mirrored as the photo is; the page's
 * styles cut it to the photo's shape (a centred crop) as they do the video. No WebGL upload and
 * read back: those cost a software-rendered frame 10-20 ms here.
 */
export function plainFrame(canvas: HTMLCanvasElement) {
	// In memory, not on a GPU: where the frame comes from the <video> the backdrop reads it back.
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	let image: ImageData | undefined;
	const size = (out: { width: number; height: number }) => {
		if (canvas.width !== out.width) canvas.width = out.width;
		if (canvas.height !== out.height) canvas.height = out.height;
	};
	return {
		/**
		 * From the frame's planes (planes.ts): no full-size conversion of the camera frame. `mix`
		 * composites the pixels before they are put on the canvas (read from it no more).
		 */
		planes(p: PlanarFrame, out: { width: number; height: number }, mirror: boolean, mix: (pixels: ImageData) => void): boolean {
			if (!ctx) return false;
			size(out);
			if (image?.width !== out.width || image.height !== out.height) image = new ImageData(out.width, out.height);
			planesToImage(p, image, mirror);
			mix(image);
			ctx.putImageData(image, 0, 0);
			return true;
		},
		/** From the <video> (the browser's own conversion) where its planes cannot be had. */
		video(video: HTMLVideoElement, out: { width: number; height: number }, mirror: boolean): boolean {
			if (!ctx) return false;
			size(out);
			ctx.setTransform(mirror ? -1 : 1, 0, 0, 1, mirror ? out.width : 0, 0);
			ctx.drawImage(video, 0, 0, out.width, out.height);
			ctx.setTransform(1, 0, 0, 1, 0, 0);
			return true;
		}
	};
}
