// R19 / F-X1, F-X2, F-X4: database faults on PostgreSQL and MariaDB, with the app in its own process.
// - Every connection of the app's pool is killed (pg_terminate_backend / KILL CONNECTION from an admin
//   connection) three times during traffic: only JSON 503s, the process stays up, and requests succeed again
//   within 10 s of each kill.
// - The connection is killed as the consume statement is issued (at once, or 0-3 ms later), 200 runs: a 200 is never
//   returned without a committed consume, and every offer ends either redeemed once or burnt (fail closed).
// - A database that does not answer (a black-hole port, or a proxy that freezes mid-traffic) gives a 503 within 5 s.
// The shared database servers are never restarted: other suites use them at the same time.
import { afterAll, describe, expect, it } from 'vitest';
import { startFaultServer } from './helpers/fault-server-process.js';
import { isJsonReply, type Reply, send } from './helpers/http-client.js';
import {
  CONFIGURATION_ID,
  codeFromUri,
  MANAGEMENT_HEADERS,
  tokenRequest,
} from './helpers/reliability-issuer.js';
import { startFaultProxy } from './helpers/tcp-fault-proxy.js';
import { closeTestEngines, openTestEngines } from './helpers/test-engines.js';

const KILL_RUNS = 200;
const createCall = (body: Record<string, unknown> = { credentials: [CONFIGURATION_ID] }) => ({
  method: 'POST',
  path: '/v1/openid/offers/pre-authorized',
  headers: MANAGEMENT_HEADERS,
  body: JSON.stringify(body),
});

function expectCleanFailure(reply: Reply, context: string): void {
  expect(reply.status, `${context}: ${reply.body}`).toBe(503);
  expect(isJsonReply(reply), context).toBe(true);
}

const engines = await openTestEngines(['postgres', 'mariadb'], 4);
afterAll(() => closeTestEngines(engines));

describe.each(['postgres', 'mariadb'] as const)('database faults on %s', (engineName) => {
  const engine = engines.get(engineName);
  const skip = engine === undefined;

  it.skipIf(skip).each(['express', 'koa'] as const)(
    '%s: all pool connections killed three times during traffic',
    async (adapter) => {
      if (engine?.tablePrefix === undefined) return;
      const app = await startFaultServer({
        engine: engineName,
        adapter,
        tablePrefix: engine.tablePrefix,
        pool: 10,
      });
      try {
        const started = performance.now();
        const log: Array<{ sentAt: number; reply: Reply }> = [];
        const kills: number[] = [];
        let running = true;
        const loops = Array.from({ length: 8 }, async () => {
          while (running) {
            const sentAt = performance.now() - started;
            const reply = await send(app.baseUrl, createCall());
            log.push({ sentAt, reply });
          }
        });
        for (const at of [1_500, 4_000, 6_500]) {
          await new Promise((resolve) => setTimeout(resolve, at - (performance.now() - started)));
          kills.push(performance.now() - started);
          const { count } = await app.command<{ count: number }>({ type: 'kill-all' }, 'killed');
          expect(count).toBeGreaterThan(0);
        }
        await new Promise((resolve) => setTimeout(resolve, 9_500 - (performance.now() - started)));
        running = false;
        await Promise.all(loops);

        const failures = log.filter(({ reply }) => reply.status !== 201);
        for (const { reply } of failures) expectCleanFailure(reply, `${engineName}/${adapter} during kills`);
        const recoveries = kills.map((killedAt) => {
          const firstOk = log.find(({ sentAt, reply }) => sentAt >= killedAt && reply.status === 201);
          return firstOk === undefined ? Number.POSITIVE_INFINITY : firstOk.sentAt - killedAt;
        });
        console.info(
          `[figure] faults ${engineName}/${adapter} kill-all ×3: ${log.length} requests, ${failures.length} × 503 JSON, 0 other failures, recovery after each kill ${recoveries.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
        );
        for (const ms of recoveries) expect(ms).toBeLessThanOrEqual(10_000);
        expect(app.alive()).toBe(true);
        expect((await send(app.baseUrl, createCall())).status).toBe(201);
      } finally {
        await app.stop();
      }
    },
  );

  it.skipIf(skip)(
    `connection killed mid-redemption: never a 200 without a committed consume (${KILL_RUNS} runs)`,
    async () => {
      const current = engine;
      if (current?.tablePrefix === undefined) return;
      const apps = await Promise.all(
        (['express', 'koa'] as const).map((adapter) =>
          startFaultServer({ engine: engineName, adapter, tablePrefix: current.tablePrefix ?? '', pool: 1 }),
        ),
      );
      const tally = { okFirst: 0, failedThenRedeemed: 0, failedAndBurnt: 0, tokens: 0, extraRetries: 0 };
      try {
        for (let run = 0; run < KILL_RUNS; run++) {
          const app = apps[run % 2];
          if (app === undefined) throw new Error('no app');
          const withTx = run % 4 >= 2;
          const created = await send(
            app.baseUrl,
            createCall({
              credentials: [CONFIGURATION_ID],
              ...(withTx ? { transactionCodeConfiguration: { inputMode: 'numeric', length: 6 } } : {}),
            }),
          );
          expect(created.status, created.body).toBe(201);
          const offer = JSON.parse(created.body) as { id: string; uri: string; transactionCode?: string };
          const code = codeFromUri(offer.uri);
          await app.command({ type: 'arm-consume-kill', delayMs: (run % 5) - 1 }, 'armed');
          const first = await send(app.baseUrl, tokenRequest(code, offer.transactionCode));
          const committed = typeof (await current.consumedAt(offer.id)) === 'number';
          const context = `${engineName} run ${run}: first ${first.status}, committed ${committed}`;
          if (first.status === 200) {
            expect(committed, context).toBe(true);
            tally.okFirst++;
            tally.tokens++;
            continue;
          }
          expectCleanFailure(first, context);
          // Retry like a wallet would; the pool may hand out the dead connection once more before dropping it.
          let retry = await send(app.baseUrl, tokenRequest(code, offer.transactionCode));
          for (
            const deadline = performance.now() + 10_000;
            retry.status === 503 && performance.now() < deadline;
          ) {
            tally.extraRetries++;
            await new Promise((resolve) => setTimeout(resolve, 50));
            retry = await send(app.baseUrl, tokenRequest(code, offer.transactionCode));
          }
          if (committed) {
            // Fail closed: the consume was committed but the answer was lost, so the offer is spent.
            expect(retry.status, context).toBe(400);
            expect((JSON.parse(retry.body) as { error?: string }).error).toBe('invalid_grant');
            tally.failedAndBurnt++;
          } else {
            expect(retry.status, `${context}, retry ${retry.status} ${retry.body}`).toBe(200);
            expect(typeof (await current.consumedAt(offer.id)), context).toBe('number');
            tally.failedThenRedeemed++;
            tally.tokens++;
          }
        }
        const minted = await Promise.all(
          apps.map((app) => app.command<{ minted: number }>({ type: 'stats' }, 'stats')),
        );
        expect(minted.reduce((n, s) => n + s.minted, 0)).toBe(tally.tokens);
        for (const app of apps) expect(app.alive()).toBe(true);
        console.info(
          `[figure] faults ${engineName} mid-redemption kill ×${KILL_RUNS}: ${tally.okFirst} answered 200 (consume committed), ${tally.failedThenRedeemed} answered 503 uncommitted then 200 on retry, ${tally.failedAndBurnt} answered 503 committed (burnt, retry invalid_grant), ${tally.extraRetries} further 503s on retries, 0 violations`,
        );
      } finally {
        await Promise.all(apps.map((app) => app.stop()));
      }
    },
  );

  it.skipIf(skip)('a database that does not answer gives a 503 within 5 s', async () => {
    if (engine?.tablePrefix === undefined) return;
    const realPort = engineName === 'postgres' ? 5432 : 3306;
    const timings: string[] = [];
    // A black hole: connections are accepted and never answered.
    const hole = await startFaultProxy(undefined);
    const holeApp = await startFaultServer({
      engine: engineName,
      adapter: 'express',
      tablePrefix: engine.tablePrefix,
      pool: 4,
      dbPort: hole.port,
    });
    // A proxy that works, then freezes with its connections open.
    const proxy = await startFaultProxy(realPort);
    const frozenApp = await startFaultServer({
      engine: engineName,
      adapter: 'koa',
      tablePrefix: engine.tablePrefix,
      pool: 4,
      dbPort: proxy.port,
    });
    try {
      expect((await send(frozenApp.baseUrl, createCall())).status).toBe(201);
      proxy.freeze();
      for (const [name, app] of [
        ['black hole', holeApp],
        ['frozen', frozenApp],
      ] as const) {
        for (const call of [createCall(), tokenRequest('A'.repeat(43))]) {
          const started = performance.now();
          const reply = await send(app.baseUrl, call);
          const ms = performance.now() - started;
          timings.push(`${name} ${call.path} ${reply.status} in ${ms.toFixed(0)} ms`);
          expectCleanFailure(reply, `${engineName} ${name} ${call.path}`);
          expect(ms).toBeLessThanOrEqual(5_000);
        }
        expect(app.alive()).toBe(true);
      }
      console.info(`[figure] faults ${engineName} not answering: ${timings.join('; ')}`);
    } finally {
      await Promise.all([holeApp.stop(), frozenApp.stop()]);
      await Promise.all([hole.close(), proxy.close()]);
    }
  });
});
