import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** The machine a run happened on. */
export function describeMachine() {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // Other work on the machine skews every figure; the 1-minute load average when the result was saved.
    loadAverage1m: loadavg()[0],
  };
}

/** Writes `bench/results/<name>-<timestamp>.json` and `<name>-latest.json`; returns the path written. */
export function saveResult(name, data) {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const body = `${JSON.stringify({ name, date: new Date().toISOString(), machine: describeMachine(), ...data }, null, 2)}\n`;
  const file = join(resultsDir, `${name}-${stamp}.json`);
  writeFileSync(file, body);
  writeFileSync(join(resultsDir, `${name}-latest.json`), body);
  return file;
}
