/**
 * Messages between the page and the encode worker (encode-worker.ts). The page sends the
 * pixels as an ImageBitmap it gives up (transferred, not copied); the worker answers with the
 * encoded Blob, or with why it could not.
 */
export type EncodeRequest =
	| { id: number; kind: 'ping' }
	| { id: number; kind: 'encode'; bitmap: ImageBitmap; type: string; quality: number };

export type EncodeReply =
	| { id: number; kind: 'pong' }
	| { id: number; kind: 'encoded'; blob: Blob }
	| { id: number; kind: 'failed'; message: string };
