// Injected by `npm run bench` into every page it opens (Playwright addInitScript), before any of
// the page's own scripts. It only observes: it never changes the page. It is not part of the app
// bundle, and the app does not know it exists.
//
// window.__bench exposes:
//   firstFrame  when the first <video> given a camera stream presented its first frame
//   commits     every IndexedDB transaction that wrote: when it completed, its stores and keys
//   presses     one record per shutter press: the press's event time, the first frame after it,
//               and when that frame's main-thread work (style, layout, paint) was done
//   longTasks   every long task (> 50 ms) since the document started
//   gallery     the first thumbnails painted on a gallery page (see pollGallery)
//   frames(ms)  rAF deltas recorded while a scroll runs (startFrames / stopFrames)
//   snapshots   every frame snapshotted from a <video> (new VideoFrame(video)): time, timestamp
(() => {
	if (window.__bench) return;
	const bench = (window.__bench = { presses: [], longTasks: [], gallery: null, snapshots: [] });

	// Every frame snapshotted from a <video> (new VideoFrame(video)): when, and its timestamp. For
	// diagnosis of a burst that saved one picture twice (which frames the shots were given).
	if (typeof VideoFrame === 'function') {
		const Original = VideoFrame;
		window.VideoFrame = new Proxy(Original, {
			construct(target, args) {
				const frame = Reflect.construct(target, args);
				if (args[0] instanceof HTMLVideoElement) bench.snapshots.push({ at: performance.now(), timestamp: frame.timestamp });
				return frame;
			}
		});
	}

	/** Runs `fn` once the frame now being produced has been painted by the main thread. */
	function afterPaint(fn) {
		requestAnimationFrame((rafTime) => {
			// A message posted from rAF is delivered after that frame's rendering steps.
			const ch = new MessageChannel();
			ch.port1.onmessage = () => fn(rafTime, performance.now());
			ch.port2.postMessage(0);
		});
	}
	bench.afterPaint = afterPaint;

	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		bench.longTasksUnsupported = true;
	}

	// A cross-check for the gallery figure: the browser's own paint time of the largest image.
	bench.lcp = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				bench.lcp.push({ time: e.renderTime || e.loadTime, tag: e.element?.tagName, alt: e.element?.alt });
			}
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	} catch {
		// Not every browser has it; the poll below is the figure anyway.
	}

	// Where the time goes (diagnosis only; the figures come from the pages' own entries): when
	// the camera was asked for and given, and when each step of a still started and ended. The
	// wrappers only record times around the original calls.
	bench.calls = [];
	function timeAsync(owner, name, label) {
		const original = owner?.[name];
		if (typeof original !== 'function') return;
		owner[name] = function (...args) {
			const rec = { label, start: performance.now(), end: null };
			// The canvas being encoded: its size says which pixels each page pays for.
			if (this instanceof OffscreenCanvas) rec.size = `${this.width}x${this.height}`;
			bench.calls.push(rec);
			const p = original.apply(this, args);
			Promise.resolve(p).then(
				() => (rec.end = performance.now()),
				() => ((rec.end = performance.now()), (rec.failed = true))
			);
			return p;
		};
	}
	timeAsync(globalThis.MediaDevices?.prototype, 'getUserMedia', 'getUserMedia');
	timeAsync(globalThis.ImageCapture?.prototype, 'takePhoto', 'takePhoto');
	timeAsync(globalThis.ImageCapture?.prototype, 'grabFrame', 'grabFrame');
	timeAsync(globalThis, 'createImageBitmap', 'createImageBitmap');
	timeAsync(globalThis.OffscreenCanvas?.prototype, 'convertToBlob', 'encode');

	/** The accessible name of a button, as far as this page needs it. */
	const buttonName = (b) => (b.getAttribute('aria-label') || b.textContent || '').trim();

	// ---- Timed from outside, the same way for every page (the figures, not the pages' marks) ----
	// First live frame: the first frame a <video> presents after a camera stream is set on it, in
	// ms from navigation start (performance.now()'s origin). The watch starts in the same call
	// that sets the stream, so no frame can be presented before it.
	bench.firstFrame = null;
	const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
	if (srcObject?.set && 'requestVideoFrameCallback' in HTMLVideoElement.prototype) {
		Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
			...srcObject,
			set(value) {
				srcObject.set.call(this, value);
				if (bench.firstFrame === null && value && this instanceof HTMLVideoElement) {
					this.requestVideoFrameCallback(() => {
						bench.firstFrame ??= performance.now();
					});
				}
			}
		});
	}
	// Durable records: every IndexedDB transaction that wrote, when it completed (its data is
	// committed then), with the stores it wrote to and the keys it put.
	bench.commits = [];
	function watchWrites(name) {
		const original = IDBObjectStore.prototype[name];
		IDBObjectStore.prototype[name] = function (value, key) {
			const tx = this.transaction;
			let rec = tx.__benchCommit;
			if (!rec) {
				rec = tx.__benchCommit = { at: null, stores: [], keys: [] };
				tx.addEventListener('complete', () => {
					rec.at = performance.now();
					bench.commits.push(rec);
				});
			}
			if (!rec.stores.includes(this.name)) rec.stores.push(this.name);
			const k = key ?? (this.keyPath && typeof this.keyPath === 'string' ? value?.[this.keyPath] : undefined);
			rec.keys.push({ store: this.name, key: typeof k === 'string' || typeof k === 'number' ? k : null });
			return original.call(this, value, key);
		};
	}
	if (globalThis.IDBObjectStore) for (const name of ['put', 'add']) watchWrites(name);

	// Press -> first visual feedback. A capturing listener on window runs before the page's own
	// click handler, so its timestamps bracket everything the page does for the press.
	window.addEventListener(
		'click',
		(e) => {
			const button = e.target instanceof Element ? e.target.closest('button') : null;
			if (!button || buttonName(button) !== 'Take photo') return;
			const rec = { event: e.timeStamp, listener: performance.now(), mutated: false };
			bench.presses.push(rec);
			// Did the page change its DOM before the next frame? (The flash, in both pages.)
			const mo = new MutationObserver(() => (rec.mutated = true));
			mo.observe(document.body, { childList: true, subtree: true, attributes: true });
			afterPaint((rafTime, painted) => {
				mo.disconnect();
				rec.frameStart = rafTime;
				rec.painted = painted;
			});
		},
		{ capture: true }
	);

	// rAF deltas, for "frames over 33 ms" while scrolling.
	let frameLog = null;
	bench.startFrames = () => {
		frameLog = [];
		let last = 0;
		const tick = (t) => {
			if (!frameLog) return;
			if (last) frameLog.push(t - last);
			last = t;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	};
	bench.stopFrames = () => {
		const out = frameLog ?? [];
		frameLog = null;
		return out;
	};

	// ---- Gallery: time from navigation to the first thumbnails painted --------------------------
	// Thumbnails are found as a person (or a screen reader) finds them: images whose alt starts
	// "Photo taken", inside a link, inside a list. Nothing else about the gallery's markup is
	// assumed, so a rewritten (virtualized) gallery is measured the same way.
	const PHOTO_ALT = /^Photo taken/;
	const isList = (el) =>
		el.getAttribute('role') === 'list' ||
		((el.tagName === 'UL' || el.tagName === 'OL') && !el.hasAttribute('role'));
	const isLink = (el) =>
		el.getAttribute('role') === 'link' || (el.tagName === 'A' && el.hasAttribute('href') && !el.hasAttribute('role'));
	/** The link and list around a thumbnail image, or null when it is not in a list of links. */
	function listOf(img) {
		let link = null;
		for (let p = img.parentElement; p; p = p.parentElement) {
			if (!link && isLink(p)) link = p;
			else if (link && isList(p)) return p;
		}
		return null;
	}
	function findList() {
		for (const img of document.querySelectorAll('img[alt^="Photo taken"]')) {
			const list = listOf(img);
			if (list) return list;
		}
		return null;
	}
	/** The part of the viewport where the list can be seen: clipped by every scrolling ancestor. */
	function visibleRect(el) {
		let r = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
		for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
			if (getComputedStyle(p).overflowY === 'visible') continue;
			const b = p.getBoundingClientRect();
			r = { top: Math.max(r.top, b.top), left: Math.max(r.left, b.left), bottom: Math.min(r.bottom, b.bottom), right: Math.min(r.right, b.right) };
		}
		return r;
	}
	/**
	 * The thumbnail images of the list's items that intersect the visible rect. Items are in
	 * reading order, so the first visible one is found by bisection: a few geometry reads, whatever
	 * the length of the list (a hit test per point costs ~0.5 ms on a 10,000-tile page).
	 */
	function visibleThumbnails(list) {
		const clip = visibleRect(list);
		const items = list.children;
		let lo = 0;
		let hi = items.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (items[mid].getBoundingClientRect().bottom <= clip.top) lo = mid + 1;
			else hi = mid;
		}
		const imgs = [];
		for (let i = lo; i < items.length; i++) {
			const b = items[i].getBoundingClientRect();
			if (b.top >= clip.bottom) break;
			if (b.bottom <= clip.top || b.right <= clip.left || b.left >= clip.right || !b.width || !b.height) continue;
			for (const img of items[i].querySelectorAll('img')) if (PHOTO_ALT.test(img.alt) && listOf(img) === list) imgs.push(img);
		}
		return imgs;
	}
	const loaded = (img) => img.complete && img.naturalWidth > 0 && !!img.currentSrc;

	/**
	 * Checks, once per frame, the thumbnails on the first screen. The check runs right after each
	 * frame is painted, when layout is clean, and reads the geometry of a handful of items only,
	 * so it costs the page well under a millisecond. Records the first painted frame with a tile
	 * on screen, with a loaded thumbnail on screen, and with every thumbnail on the first screen
	 * loaded; then stops, so it costs nothing during the scroll. (A thumbnail that finished loading
	 * between the paint and the check is counted one frame early at worst; the browser's own LCP
	 * time is kept beside it as a cross-check.)
	 */
	function pollGallery() {
		const result = (bench.gallery = { firstTile: null, firstThumb: null, firstScreen: null, onScreen: 0, frames: 0, checkMs: 0 });
		let list = null;
		const check = (_, now) => {
			result.frames++;
			if (!list?.isConnected) list = findList();
			const imgs = list ? visibleThumbnails(list) : [];
			result.checkMs = Math.max(result.checkMs, performance.now() - now);
			const done = imgs.filter(loaded).length;
			if (imgs.length > 0) result.firstTile ??= now;
			if (done > 0) result.firstThumb ??= now;
			if (imgs.length > 0 && done === imgs.length) {
				result.firstScreen = now;
				result.onScreen = imgs.length;
				bench.galleryList = list;
				return;
			}
			if (now < 60_000) afterPaint(check);
			else result.timedOut = true;
		};
		afterPaint(check);
	}
	if (/^\/gallery\/?$/.test(location.pathname)) pollGallery();
})();
