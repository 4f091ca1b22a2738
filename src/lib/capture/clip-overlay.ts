/** The strips' overlay over moving pictures too (GIF, boomerang, video). */
/**
 * The strips' overlay as a bitmap to draw over every frame of a clip, or undefined (none set, or
 * gone, or unreadable: the clip is made without it rather than not at all).
 */
export async function overlayBitmap(id: string): Promise<ImageBitmap | undefined> {
	if (!id) return undefined;
	try {
		const { overlays } = await import('$lib/photos/overlays');
		const image = await overlays.image(id);
		return image ? await createImageBitmap(image) : undefined;
	} catch (e) {
		console.warn('The overlay could not be read; the clip is made without it:', e);
		return undefined;
	}
}
