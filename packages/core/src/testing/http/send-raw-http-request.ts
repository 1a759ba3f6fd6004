import { connect } from 'node:net';

/** Result of a raw request: the response, or `closed` when the server closed the connection without one. */
export type RawHttpResult =
  | { closed: false; status: number; headers: Map<string, string[]>; body: string }
  | { closed: true };

/**
 * Sends bytes that `fetch` refuses to produce (two `Authorization` headers, a lying `Content-Length`) over a plain
 * socket and reads the response until the server closes the connection.
 */
export function sendRawHttpRequest(
  baseUrl: string,
  head: string,
  body: Uint8Array,
  options: { halfClose?: boolean } = {},
): Promise<RawHttpResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('raw request timed out')), 10_000);
    socket.on('connect', () => {
      socket.write(head.replaceAll('\n', '\r\n'));
      socket.write(body);
      if (options.halfClose === true) socket.end();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ closed: true });
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (split === -1 || statusLine === null) {
        resolve({ closed: true });
        return;
      }
      const headers = new Map<string, string[]>();
      for (const line of raw.slice(0, split).split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      const rest = raw.slice(split + 4);
      const chunked = headers.get('transfer-encoding')?.some((v) => v.toLowerCase() === 'chunked') === true;
      resolve({
        closed: false,
        status: Number(statusLine[1]),
        headers,
        body: chunked ? dechunk(rest) : rest,
      });
    });
  });
}

/** Decodes a chunked body (RFC 9112 §7.1); enough for the short JSON bodies of the conformance cases. */
function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd === -1) return out;
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}
