/**
 * Service worker registration and updates. A new version never takes over by itself: when one is
 * waiting, `ready` turns true and the layout offers a Reload, so nobody loses a shot mid-countdown.
 */
class AppUpdates {
	#ready = $state(false);
	#offlineReady = $state(false);
	#registration: ServiceWorkerRegistration | undefined;
	#apply: ((reload?: boolean) => Promise<void>) | undefined;
	#checking = false;
	#started = false;

	/** A new version is installed and waiting for the person to reload. */
	get ready(): boolean {
		return this.#ready;
	}

	/** Everything the app needs is cached: it works offline from now on. */
	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	/**
	 * Registers the service worker (once). Registering also checks for an update. Its code loads
	 * here, after the page is up, not with the camera's first frame.
	 */
	start(): void {
		if (this.#started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		this.#started = true;
		void import('virtual:pwa-register').then(({ registerSW }) => this.#register(registerSW));
	}

	#register(registerSW: typeof import('virtual:pwa-register').registerSW): void {
		this.#apply = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.#ready = true),
			onOfflineReady: () => (this.#offlineReady = true),
			onRegisteredSW: (_url, registration) => (this.#registration = registration),
			onRegisterError: (e) => console.warn('The service worker could not be registered; offline use is off.', e)
		});
	}

	/** Asks the server for a newer service worker (on start and on each navigation). */
	async check(): Promise<void> {
		const reg = this.#registration;
		// Offline there is nothing to ask, and asking would only log a failed fetch.
		if (!reg || this.#checking || reg.installing || !navigator.onLine) return;
		this.#checking = true;
		try {
			await reg.update();
		} catch {
			// A flaky network: the next navigation asks again.
		} finally {
			this.#checking = false;
		}
	}

	/** Activates the waiting version and reloads the page into it. */
	async apply(): Promise<void> {
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		// workbox-window reloads only when the first worker it saw was itself an update; a tab
		// that installed the app and then met a new version would not. Reload on the switch here.
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		await this.#apply?.(true);
	}
}

export const updates = new AppUpdates();
