/**
 * "Your photo" backdrops' pictures, by photo id, in this thread: set by the page (read from the
 * gallery) or sent to a worker, read when a frame is drawn (which cannot wait for a read).
 */
const images = new Map<string, ImageBitmap>();

export function backdropImage(photo: string): ImageBitmap | undefined {
	return images.get(photo);
}

/** Lets go of `photo`'s picture (deleted from the gallery). */
export function forgetBackdropImage(photo: string): void {
	images.get(photo)?.close();
	images.delete(photo);
}

/** Keeps `image` for `photo`; only the latest chosen is kept (one at a time is ever used). */
export function keepBackdropImage(photo: string, image: ImageBitmap): void {
	for (const [id, old] of images) {
		if (id !== photo) {
			old.close();
			images.delete(id);
		}
	}
	const was = images.get(photo);
	if (was && was !== image) was.close();
	images.set(photo, image);
}
