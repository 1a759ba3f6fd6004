import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main.js');

/**
 * Starts `node src/main.js` (exactly what `npm start` runs) with the given environment and waits until it has
 * printed its banner. Returns what it printed, parsed.
 * @param {Record<string, string>} env
 */
export async function spawnIssuer(env) {
  const child = spawn(process.execPath, [mainFile], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${stdout}\n${stderr}`)), 20_000);
    const check = () => {
      if (/^# 5\. .*\ncurl .*$/m.test(stdout)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', check);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the issuer exited before its banner:\n${stdout}\n${stderr}`));
    });
  });
  const url = /listening on (\S+)/.exec(stdout)?.[1];
  const token = /management token: +(\S+)/.exec(stdout)?.[1];
  if (url === undefined || token === undefined) throw new Error(`banner without URL or token:\n${stdout}`);
  const curls = stdout.split('\n').filter((line) => line.startsWith('curl '));
  return {
    child,
    url,
    token,
    curls,
    output: () => stdout,
    errors: () => stderr,
    exited,
    /**
     * Sends `signal` and resolves with how the process ended (rejects after 10 s).
     * @param {NodeJS.Signals} signal
     */
    async stop(signal) {
      child.kill(signal);
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no exit within 10 s')), 10_000);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
