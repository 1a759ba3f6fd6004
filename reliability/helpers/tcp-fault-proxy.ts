import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 in front of a database that can stop answering without closing anything. */
export interface FaultProxy {
  port: number;
  /** From now on, no byte moves in either direction and new connections are accepted but never answered. */
  freeze(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `127.0.0.1:targetPort`. With `targetPort` undefined it is a black hole from the start: it
 * accepts connections and never answers (a database host whose service hangs).
 */
export async function startFaultProxy(targetPort: number | undefined): Promise<FaultProxy> {
  let frozen = targetPort === undefined;
  const sockets = new Set<Socket>();
  const pairs: Array<[Socket, Socket]> = [];
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    client.on('close', () => sockets.delete(client));
    if (frozen || targetPort === undefined) {
      client.pause();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => sockets.delete(upstream));
    client.on('close', () => upstream.destroy());
    upstream.on('end', () => client.end());
    client.pipe(upstream);
    upstream.pipe(client);
    pairs.push([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze() {
      frozen = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
