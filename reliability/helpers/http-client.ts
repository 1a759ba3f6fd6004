import { Agent, request } from 'node:http';

/** A response as the suite inspects it. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request. `body` is sent as given; headers are sent as given (no defaults are added). */
export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

/** Sends one request to 127.0.0.1 and collects the whole response (10 s budget). */
export function send(baseUrl: string, call: Call): Promise<Reply> {
  // The path goes out byte for byte: a URL object would resolve dot segments and re-encode characters.
  const { hostname, port } = new URL(baseUrl);
  const headers = { ...call.headers };
  // Node sends a DELETE/GET body with neither Content-Length nor chunked framing, which is not HTTP at all (the
  // server would read the body as the next request); frame every body explicitly.
  if (
    call.body !== undefined &&
    headers['transfer-encoding'] === undefined &&
    headers['content-length'] === undefined
  ) {
    headers['content-length'] = String(Buffer.byteLength(call.body));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: call.path, method: call.method, headers, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request timed out: ${call.method} ${call.path}`)));
    req.on('error', reject);
    req.end(call.body);
  });
}

/** A form body (`application/x-www-form-urlencoded`) from ordered pairs. */
export function formBody(pairs: Array<[string, string]>): string {
  return new URLSearchParams(pairs).toString();
}

/** True when a reply is a JSON body (by header and by parse). */
export function isJsonReply(reply: Reply): boolean {
  const type = String(reply.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return false;
  try {
    JSON.parse(reply.body);
    return true;
  } catch {
    return false;
  }
}
