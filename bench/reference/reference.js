// The reference ("floor") for `npm run bench`. It emits the same performance entries as the app
// (booth:first-frame, booth:shutter-to-feedback, booth:shutter-to-saved) so the harness reads both
// pages the same way. It asks for the same preview size as the app, so both encode the same pixels.
const DB_NAME = 'bench-reference';
const STORE = 'shots';

const video = document.querySelector('video');
const flash = document.querySelector('.flash');
const shutter = document.querySelector('button');

function openDb() {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}
const db = openDb();

const stream = await navigator.mediaDevices.getUserMedia({
	video: { width: { ideal: 1920 }, height: { ideal: 1080 }, facingMode: { ideal: 'user' } },
	audio: false
});
video.srcObject = stream;
video.requestVideoFrameCallback(() => performance.mark('booth:first-frame'));
shutter.disabled = false;

function showFlash() {
	// Restart the animation: hide, force style, show.
	flash.hidden = true;
	void flash.offsetWidth;
	flash.hidden = false;
}

async function save(pressed) {
	const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
	canvas.getContext('2d').drawImage(video, 0, 0);
	const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
	const data = await blob.arrayBuffer();
	const id = crypto.randomUUID();
	const tx = (await db).transaction(STORE, 'readwrite');
	tx.objectStore(STORE).put({ id, data, type: blob.type });
	await new Promise((resolve, reject) => {
		tx.oncomplete = resolve;
		tx.onerror = tx.onabort = () => reject(tx.error);
	});
	performance.measure('booth:shutter-to-saved', { start: pressed, end: performance.now(), detail: id });
}

shutter.addEventListener('click', () => {
	const pressed = performance.now();
	showFlash();
	requestAnimationFrame(() =>
		performance.measure('booth:shutter-to-feedback', { start: pressed, end: performance.now() })
	);
	save(pressed).catch((e) => console.error('reference save failed', e));
});
