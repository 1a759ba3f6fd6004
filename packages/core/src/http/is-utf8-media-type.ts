import type { MediaType } from './parse-media-type.js';

/** True when the media type is `type` with at most a `charset=utf-8` parameter. */
export function isUtf8MediaType(mediaType: MediaType | undefined, type: string): boolean {
  if (mediaType === undefined || mediaType.type !== type) return false;
  for (const [name, value] of mediaType.parameters) {
    if (name !== 'charset' || value.toLowerCase() !== 'utf-8') return false;
  }
  return true;
}
