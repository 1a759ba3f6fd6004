import { OfferKitError } from '../errors/offer-kit-error.js';
import type { ReadableBodyStream } from './readable-body-stream.js';

const textEncoder = new TextEncoder();

/**
 * Reads a request body of at most `limit` bytes from a Node.js readable (e.g. `http.IncomingMessage`).
 *
 * Rejects with `OfferKitError('payload_too_large')` as soon as the declared `Content-Length` or the bytes received
 * exceed `limit`, without buffering the rest: the remaining bytes are drained and discarded so the 413 can still be
 * sent on the same connection. Rejects with `OfferKitError('invalid_request')` when the client aborts or the stream
 * fails.
 */
export function readBodyStream(
  stream: ReadableBodyStream,
  limit: number,
  declaredLength?: string,
): Promise<Uint8Array> {
  if (declaredLength !== undefined && /^\d+$/.test(declaredLength) && Number(declaredLength) > limit) {
    stream.resume();
    return Promise.reject(tooLarge(limit));
  }
  if (stream.readableEnded === true || stream.destroyed === true) {
    return Promise.resolve(new Uint8Array(0));
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    const cleanup = (): void => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.removeListener('aborted', onAborted);
      stream.removeListener('close', onClose);
    };
    const fail = (error: OfferKitError): void => {
      cleanup();
      reject(error);
    };
    const onData = (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === 'string' ? textEncoder.encode(chunk) : chunk;
      received += bytes.byteLength;
      if (received > limit) {
        fail(tooLarge(limit));
        // Keep the connection usable for the 413: discard what is still arriving instead of buffering it.
        stream.resume();
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(concatenate(chunks, received));
    };
    const onError = (): void => fail(unreadable());
    const onAborted = (): void => fail(unreadable());
    const onClose = (): void => fail(unreadable());
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('aborted', onAborted);
    stream.on('close', onClose);
  });
}

function concatenate(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(limit: number): OfferKitError {
  return new OfferKitError('payload_too_large', `Request body exceeds ${limit} bytes`);
}

function unreadable(): OfferKitError {
  return new OfferKitError('invalid_request', 'Request body could not be read');
}
