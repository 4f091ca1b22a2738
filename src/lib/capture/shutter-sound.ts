/**
 * A shutter click made with Web Audio: a short burst of filtered noise with a fast decay, the
 * sound of a mechanical shutter, with no sound file to download or cache.
 */
let ctx: AudioContext | undefined;
let noise: AudioBuffer | undefined;

function context(): AudioContext | undefined {
	if (typeof AudioContext === 'undefined') return undefined;
	ctx ??= new AudioContext();
	// Created or resumed inside the press, so autoplay rules allow it.
	if (ctx.state === 'suspended') void ctx.resume();
	return ctx;
}

/** Plays the click. Never throws: a booth without sound still takes the photo. */
export function playShutter(): void {
	try {
		const ac = context();
		if (!ac) return;
		if (!noise) {
			noise = ac.createBuffer(1, Math.round(ac.sampleRate * 0.09), ac.sampleRate);
			const data = noise.getChannelData(0);
			for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
		}
		const t = ac.currentTime;
		const source = ac.createBufferSource();
		source.buffer = noise;
		const band = ac.createBiquadFilter();
		band.type = 'bandpass';
		band.frequency.value = 2400;
		band.Q.value = 0.8;
		const gain = ac.createGain();
		// Two clicks, shutter open and close, the second softer.
		gain.gain.setValueAtTime(0.0001, t);
		gain.gain.exponentialRampToValueAtTime(0.9, t + 0.003);
		gain.gain.exponentialRampToValueAtTime(0.05, t + 0.03);
		gain.gain.exponentialRampToValueAtTime(0.5, t + 0.045);
		gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.09);
		source.connect(band).connect(gain).connect(ac.destination);
		source.start(t);
		source.stop(t + 0.09);
	} catch (e) {
		console.warn('Shutter sound unavailable', e);
	}
}
