/** The TFLite runtime's Emscripten loader (see vite.config.ts tfliteLoader): the parts used. */
declare module '@twilio/video-processors/dist/build/tflite-simd-1-0-0.js' {
	export interface TFLiteModule {
		HEAPU8: Uint8Array;
		HEAPF32: Float32Array;
		_getModelBufferMemoryOffset(): number;
		_loadModel(bytes: number): number;
		_getInputMemoryOffset(): number;
		_getInputWidth(): number;
		_getInputHeight(): number;
		_getInputChannelCount(): number;
		_getOutputMemoryOffset(): number;
		_getOutputWidth(): number;
		_getOutputHeight(): number;
		_getOutputChannelCount(): number;
		_runInference(): number;
	}
	const create: (options: { locateFile?: (path: string) => string; print?: (s: string) => void; printErr?: (s: string) => void }) => Promise<TFLiteModule>;
	export default create;
}

/** The URLs of the runtime and the model, emitted once for the page and every worker. */
declare module 'virtual:segmentation-files' {
	export const runtimeUrl: string;
	export const modelUrl: string;
}
