import { OfferKitError } from '../errors/offer-kit-error.js';
import { MAX_JSON_DEPTH } from './json-limits.js';

/**
 * Refuses JSON text nested deeper than `MAX_JSON_DEPTH`, before `JSON.parse` sees it. A linear scan, so a body of
 * ten thousand `[` costs no recursion anywhere.
 */
export function assertJsonTextDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) throw tooDeep();
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

function tooDeep(): OfferKitError {
  return new OfferKitError('invalid_input', 'Request body is nested too deeply', {
    details: [{ msg: `Must be nested at most ${MAX_JSON_DEPTH} levels`, param: 'body', location: 'body' }],
  });
}
