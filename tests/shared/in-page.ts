/**
 * Functions that run inside the page (passed to page.evaluate by Playwright and by
 * puppeteer-core alike): each is self-contained, since only its source crosses over.
 */

/** The number of photos in IndexedDB, read as the app stores them. */
export async function countStoredPhotos(): Promise<number> {
	// Opening a database that does not exist would create an empty one: look first.
	const dbs = await indexedDB.databases();
	if (!dbs.some((d) => d.name === 'photobooth')) return 0;
	return new Promise<number>((resolve, reject) => {
		const req = indexedDB.open('photobooth');
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result;
			if (!db.objectStoreNames.contains('photos')) {
				db.close();
				return resolve(0);
			}
			const count = db.transaction('photos').objectStore('photos').count();
			count.onsuccess = () => {
				db.close();
				resolve(count.result);
			};
			count.onerror = () => reject(count.error);
		};
	});
}
