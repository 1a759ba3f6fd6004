import { OfferKitError } from '../errors/offer-kit-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a body as strict UTF-8: invalid sequences and a leading byte order mark are refused, so a body has
 * exactly one meaning. Throws `OfferKitError(code)` with `message` otherwise.
 */
export function decodeUtf8Body(bytes: Uint8Array, code: 'invalid_input' | 'invalid_request'): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new OfferKitError(code, 'Request body must not start with a byte order mark', {
      details: [{ msg: 'Byte order mark not allowed', param: 'body', location: 'body' }],
    });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new OfferKitError(code, 'Request body is not valid UTF-8', {
      details: [{ msg: 'Invalid UTF-8', param: 'body', location: 'body' }],
    });
  }
}
