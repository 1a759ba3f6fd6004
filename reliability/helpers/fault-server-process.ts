import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MANAGEMENT_TOKEN } from './offerkit-server.js';

const script = fileURLToPath(new URL('../fault-server.mjs', import.meta.url));

/** Options of `startFaultServer`. */
export interface FaultServerOptions {
  engine: 'postgres' | 'mariadb';
  adapter: 'express' | 'koa';
  tablePrefix: string;
  pool: number;
  /** Where the app's pool connects (a proxy or a black hole); defaults to the real server. */
  dbPort?: number;
}

/** The app of `fault-server.mjs` running in a child process. */
export interface FaultServer {
  baseUrl: string;
  /** True while the child process runs. */
  alive(): boolean;
  /** Sends an IPC command and resolves with the child's answer of type `answer`. */
  command<T extends Record<string, unknown>>(message: Record<string, unknown>, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** Forks `fault-server.mjs` and waits until it listens. */
export function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const child: ChildProcess = fork(script, [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: {
      ...process.env,
      FAULT_ENGINE: options.engine,
      FAULT_ADAPTER: options.adapter,
      FAULT_POOL: String(options.pool),
      FAULT_TABLE_PREFIX: options.tablePrefix,
      FAULT_TOKEN: MANAGEMENT_TOKEN,
      ...(options.dbPort === undefined ? {} : { FAULT_DB_PORT: String(options.dbPort) }),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      const { port } = JSON.parse(out.slice(0, newline)) as { port: number };
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        alive: () => child.exitCode === null && child.signalCode === null,
        command: (message, answer) =>
          new Promise((done, fail) => {
            const onExit = () => fail(new Error(`fault server exited while waiting for '${answer}'`));
            const onMessage = (reply: Record<string, unknown>) => {
              if (reply.type !== answer) return;
              child.off('message', onMessage);
              child.off('exit', onExit);
              done(reply as never);
            };
            child.on('message', onMessage);
            child.once('exit', onExit);
            child.send(message);
          }),
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fault server exited with ${code} before listening`)));
  });
}
