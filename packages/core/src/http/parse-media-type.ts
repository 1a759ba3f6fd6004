import { singleHeader } from './single-header.js';

/** A parsed `Content-Type`: lower-cased type/subtype and lower-cased parameter names. */
export interface MediaType {
  type: string;
  parameters: Map<string, string>;
}

/**
 * Parses a `Content-Type` header value (RFC 9110 §8.3.1). Returns undefined when the header is absent, sent more
 * than once, or malformed.
 */
export function parseMediaType(header: string | readonly string[] | undefined): MediaType | undefined {
  const value = singleHeader(header);
  if (value === undefined) return undefined;
  const [typePart, ...parameterParts] = value.split(';');
  const type = (typePart ?? '').trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return undefined;
  const parameters = new Map<string, string>();
  for (const part of parameterParts) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) return undefined;
    const name = trimmed.slice(0, equals).trim().toLowerCase();
    let parameterValue = trimmed.slice(equals + 1).trim();
    if (parameterValue.length >= 2 && parameterValue.startsWith('"') && parameterValue.endsWith('"')) {
      parameterValue = parameterValue.slice(1, -1);
    }
    if (parameters.has(name)) return undefined;
    parameters.set(name, parameterValue);
  }
  return { type, parameters };
}
