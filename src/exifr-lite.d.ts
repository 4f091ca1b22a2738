// exifr's lite build (JPEG and TIFF EXIF only) has the full build's API; its types are the package's.
declare module 'exifr/dist/lite.esm.mjs' {
	import exifr from 'exifr';
	export default exifr;
}
