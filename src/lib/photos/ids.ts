/** A new photo id: a UUID (insecure contexts, which cannot have a camera anyway, get a fallback). */
export function newPhotoId(): string {
	return 'randomUUID' in crypto
		? crypto.randomUUID()
		: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
