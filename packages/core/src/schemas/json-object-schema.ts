import * as v from 'valibot';
import { isPlainObject } from './is-plain-object.js';

/** A plain JSON object (not an array, not null) whose serialisation is at most `maxBytes` UTF-8 bytes. */
export function jsonObjectSchema(maxBytes: number) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'Must be a JSON object'),
    v.check(
      (value) => isSerialisableWithin(value, maxBytes),
      `Must serialise to at most ${maxBytes} bytes of JSON`,
    ),
  );
}

function isSerialisableWithin(value: unknown, maxBytes: number): boolean {
  try {
    const text = JSON.stringify(value);
    return text !== undefined && new TextEncoder().encode(text).length <= maxBytes;
  } catch {
    return false;
  }
}
