import { spawn } from 'node:child_process';

/**
 * Starts `node script ...args` and resolves once it prints its first JSON line (e.g. `{"port":1234}`), with that
 * object and a `stop()` that ends the process (SIGTERM, then SIGKILL after 3 s).
 */
export function startServer(script, args = [], { env = {}, nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let started = false;
    const exited = new Promise((done) => child.once('exit', done));
    const onData = (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline === -1 || started) return;
      started = true;
      child.stdout.off('data', onData);
      child.stdout.resume();
      try {
        const info = JSON.parse(out.slice(0, newline));
        resolve({
          ...info,
          pid: child.pid,
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
            await exited;
            clearTimeout(timer);
          },
        });
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!started) reject(new Error(`${script} ${args.join(' ')} exited with ${code} before listening`));
    });
  });
}
