/**
 * The strip the settings call for: its layout and design. Loaded with strip mode's session and
 * its guide, not with the camera's first frame.
 */
import type { BoothSettings } from '$lib/settings/schema';
import type { StripDesign } from '$lib/strips/draw';
import { layouts, type StripLayout } from '$lib/strips/layouts';

/** The strip layout the settings choose. */
export function stripLayoutFor(values: Readonly<BoothSettings>): StripLayout {
	const all = layouts(values.stripShots === 3 ? 3 : 4);
	return all.find((l) => l.id === values.stripLayout) ?? all[0];
}

/** The strip design the settings choose. */
export function stripDesignFor(values: Readonly<BoothSettings>): StripDesign {
	return { caption: values.caption, date: values.stripDate, background: values.stripBackground };
}
