import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built bin under test. */
export const BIN = fileURLToPath(new URL('../dist/offerkit.js', import.meta.url));

/** Outcome of one `offerkit` run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built bin in a child process (asynchronously, so an in-test server can answer it). */
export function runOfferkit(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: child.exitCode ?? 0, stdout, stderr });
      },
    );
  });
}
