import type { HttpHeaders } from './http-headers.js';

/**
 * `HttpHeaders` from Node's `IncomingMessage.headersDistinct`: a header sent once becomes a string, one sent
 * several times keeps all its values (so the handler can refuse, e.g., two `Authorization` headers).
 */
export function headersFromDistinct(headers: Readonly<Record<string, string[] | undefined>>): HttpHeaders {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (values === undefined) continue;
    out[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}
