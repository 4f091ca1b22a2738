/**
 * Installing the app, from the offer install-prompt.ts keeps from the first moment (loaded with
 * the install button, and by Settings). iOS Safari has no prompt: there the app shows how to use
 * Add to Home Screen instead.
 */
import { installOffer } from './install-prompt';

/** The event Chromium hands us; not in TypeScript's DOM library. */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

function runningStandalone(): boolean {
	return (
		matchMedia('(display-mode: standalone)').matches ||
		matchMedia('(display-mode: fullscreen)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true
	);
}

function isIosSafari(): boolean {
	const ua = navigator.userAgent;
	const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
	return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
}

class Install {
	#prompt = $state.raw(installOffer.prompt as BeforeInstallPromptEvent | null);
	#installed = $state(installOffer.installed);
	#standalone = $state(false);
	#ios = false;

	constructor() {
		if (typeof window === 'undefined') return;
		this.#standalone = runningStandalone();
		this.#ios = isIosSafari();
		installOffer.watch(() => {
			this.#prompt = installOffer.prompt as BeforeInstallPromptEvent | null;
			this.#installed = installOffer.installed;
		});
		matchMedia('(display-mode: standalone)').addEventListener('change', () => {
			this.#standalone = runningStandalone();
		});
	}

	/** The browser offers installation and the app is not installed yet. */
	get available(): boolean {
		return !!this.#prompt && !this.#installed && !this.#standalone;
	}

	/** Installed in this session, or running as the installed app. */
	get installed(): boolean {
		return this.#installed || this.#standalone;
	}

	/** iOS Safari, not yet on the home screen: show the Add to Home Screen hint. */
	get showIosHint(): boolean {
		return this.#ios && !this.#standalone;
	}

	/** Shows the browser's install dialog. */
	async install(): Promise<void> {
		const prompt = installOffer.take() as BeforeInstallPromptEvent | null;
		if (!prompt) return;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		if (outcome === 'accepted') this.#installed = true;
	}
}

export const install = new Install();
