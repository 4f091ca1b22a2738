import { execFileSync } from 'node:child_process';

/**
 * exiftool's version where it is installed (.ci/run installs Debian's libimage-exiftool-perl):
 * a reader the project did not write, for the EXIF of the files the booth makes and keeps.
 */
export function exiftoolVersion(): string | undefined {
	try {
		return execFileSync('exiftool', ['-ver'], { encoding: 'utf8' }).trim();
	} catch {
		return undefined;
	}
}
