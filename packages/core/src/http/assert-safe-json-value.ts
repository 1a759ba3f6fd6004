import { type ErrorDetail, OfferKitError } from '../errors/offer-kit-error.js';
import { MAX_JSON_DEPTH } from './json-limits.js';

const MAX_JSON_NODES = 100_000;
const MAX_PARAM_LENGTH = 200;
// Keys that would reach Object.prototype if the value were ever merged with Object.assign or a naive deep merge.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a parsed JSON value iteratively: at most `MAX_JSON_DEPTH` levels, and no `__proto__`, `constructor` or
 * `prototype` member at any depth. Throws `OfferKitError('invalid_input')` with the offending path.
 */
export function assertSafeJsonValue(value: unknown): void {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    nodes++;
    if (item.depth >= MAX_JSON_DEPTH || nodes > MAX_JSON_NODES) throw tooDeep();
    if (Array.isArray(item.value)) {
      item.value.forEach((element, index) => {
        stack.push({ value: element, depth: item.depth + 1, path: `${item.path}[${index}]` });
      });
      continue;
    }
    for (const key of Object.keys(item.value)) {
      const path = item.path === '' ? key : `${item.path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) {
        // The path is made of client keys: cut it so a huge key is not reflected back in the 400.
        const param = path.length > MAX_PARAM_LENGTH ? `${path.slice(0, MAX_PARAM_LENGTH)}…` : path;
        const detail: ErrorDetail = { msg: 'Property name not allowed', param, location: 'body' };
        throw new OfferKitError('invalid_input', 'Invalid request body', { details: [detail] });
      }
      stack.push({ value: (item.value as Record<string, unknown>)[key], depth: item.depth + 1, path });
    }
  }
}

function tooDeep(): OfferKitError {
  return new OfferKitError('invalid_input', 'Request body is nested too deeply', {
    details: [{ msg: `Must be nested at most ${MAX_JSON_DEPTH} levels`, param: 'body', location: 'body' }],
  });
}
