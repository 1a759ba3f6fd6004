// R16/R17: fast-check-generated bodies, headers, paths and form fields against every route: no 5xx, no HTML,
// every non-empty body is JSON, and no prototype pollution. 10^4 requests per route and adapter on the memory
// store in CI (2×10^3 outside CI), and 10^3 per route on each SQL engine through Express (driver errors such as
// PostgreSQL 22P02/22021 or MariaDB 1366 must never surface). The seed is printed; set OFFERKIT_FUZZ_SEED to replay.
import { decodeCredentialOfferUri, type OfferIssuer } from '@offerkit/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type FuzzTargets, routeArbitraries } from './helpers/fuzz-requests.js';
import { type Call, type Reply, send } from './helpers/http-client.js';
import { ADAPTER_NAMES, type AdapterName, startOfferKitServer } from './helpers/offerkit-server.js';
import {
  CONFIGURATION_ID,
  createOfferOverHttp,
  createReliabilityIssuer,
} from './helpers/reliability-issuer.js';
import {
  closeTestEngines,
  ENGINE_NAMES,
  type EngineName,
  IS_CI,
  openTestEngines,
  type TestEngine,
} from './helpers/test-engines.js';

const MEMORY_RUNS = IS_CI ? 10_000 : 2_000;
const SQL_RUNS = 1_000;
const IN_FLIGHT = 32;
const SEED = Number(process.env.OFFERKIT_FUZZ_SEED ?? Date.now() % 2 ** 31);

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const snapshot = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

function violation(call: Call, reply: Reply): string | undefined {
  if (reply.status >= 500) return `status ${reply.status}`;
  const type = String(reply.headers['content-type'] ?? '');
  if (/html/i.test(type) || /<html|<!doctype|<pre>|<body/i.test(reply.body)) return 'HTML response';
  if (reply.body === '') {
    return reply.status === 204 || call.method === 'HEAD' ? undefined : `empty body with ${reply.status}`;
  }
  if (!type.startsWith('application/json')) return `content-type ${type}`;
  try {
    JSON.parse(reply.body);
  } catch {
    return 'body is not JSON';
  }
  // Error details echo the offending input, so only text the request did not carry counts as a leak.
  if (reply.status >= 400) {
    const sentText = `${call.path} ${typeof call.body === 'string' ? call.body : Buffer.from(call.body ?? '').toString('utf8')}`;
    const leak =
      /\bat [\w.<>]+ \(|node_modules|\bSQLITE_[A-Z]+\b|\bER_[A-Z_]{3,}\b|duplicate key|syntax error/.exec(
        reply.body,
      );
    if (leak !== null && !sentText.includes(leak[0])) return `stack or driver text in body: ${leak[0]}`;
  }
  return undefined;
}

/** Live offers for the generated requests to hit: codes[i] goes with txCodes[i] ('' when none). */
async function plantTargets(baseUrl: string, issuer: OfferIssuer): Promise<FuzzTargets> {
  const targets: FuzzTargets = { offerIds: [], codes: [], txCodes: [], references: [] };
  for (let i = 0; i < 200; i++) {
    const offer = await createOfferOverHttp(baseUrl, {
      credentials: [CONFIGURATION_ID],
      ...(i % 2 === 0 ? { transactionCodeConfiguration: { inputMode: 'numeric', length: 6 } } : {}),
    });
    targets.offerIds.push(offer.id, offer.userId);
    targets.codes.push(offer.code);
    targets.txCodes.push(offer.transactionCode ?? '');
  }
  for (let i = 0; i < 20; i++) {
    const { uri } = await issuer.createPreAuthorizedOffer(
      { credentials: [CONFIGURATION_ID] },
      { delivery: 'reference' },
    );
    const decoded = decodeCredentialOfferUri(uri);
    if (decoded.kind !== 'reference') throw new Error('expected a by-reference offer');
    targets.references.push(
      decoded.credentialOfferUri.slice(decoded.credentialOfferUri.lastIndexOf('/') + 1),
    );
  }
  return targets;
}

async function fuzzRoutes(
  adapter: AdapterName,
  engine: TestEngine,
  runs: number,
): Promise<{ sent: Record<string, number>; statuses: Record<string, Record<number, number>> }> {
  const issuer = createReliabilityIssuer(engine.createStores());
  const server = await startOfferKitServer(adapter, issuer, {
    issueAccessToken: async () => ({ access_token: 'fuzz-token', token_type: 'Bearer' }),
  });
  const sent: Record<string, number> = {};
  const statuses: Record<string, Record<number, number>> = {};
  try {
    const targets = await plantTargets(server.baseUrl, issuer);
    const before = snapshot();
    for (const [route, arbitrary] of Object.entries(routeArbitraries(targets))) {
      const calls = fc.sample(arbitrary, { numRuns: runs, seed: SEED });
      sent[route] = 0;
      const histogram: Record<number, number> = {};
      statuses[route] = histogram;
      for (let start = 0; start < calls.length; start += IN_FLIGHT) {
        const batch = calls.slice(start, start + IN_FLIGHT);
        const replies = await Promise.all(batch.map((call) => send(server.baseUrl, call)));
        replies.forEach((reply, i) => {
          const call = batch[i] as Call;
          histogram[reply.status] = (histogram[reply.status] ?? 0) + 1;
          const problem = violation(call, reply);
          if (problem !== undefined) {
            const shown = { ...call, body: String(call.body ?? '').slice(0, 300) };
            expect.fail(
              `${engine.name}/${adapter} ${route} (seed ${SEED}): ${problem}\n${JSON.stringify(shown)}\n→ ${reply.status} ${reply.body.slice(0, 300)}`,
            );
          }
        });
        sent[route] += batch.length;
        expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
      }
    }
    expect(snapshot()).toEqual(before);
  } finally {
    await server.close();
  }
  return { sent, statuses };
}

const engines = await openTestEngines(ENGINE_NAMES, 10);
afterAll(() => closeTestEngines(engines));

describe('bad-input fuzz on the memory store', () => {
  const engine = engines.get('memory');

  it.each(ADAPTER_NAMES)(`%s: ${MEMORY_RUNS} generated requests per route`, async (adapter) => {
    if (engine === undefined) return;
    const { sent, statuses } = await fuzzRoutes(adapter, engine, MEMORY_RUNS);
    console.info(`[figure] fuzz memory/${adapter} (seed ${SEED}) statuses: ${JSON.stringify(statuses)}`);
    for (const count of Object.values(sent)) expect(count).toBe(MEMORY_RUNS);
  });
});

describe.each<EngineName>(['sqlite', 'postgres', 'mariadb'])('bad-input fuzz on %s', (engineName) => {
  const engine = engines.get(engineName);
  const skip = engine === undefined;

  it.skipIf(skip)(`express: ${SQL_RUNS} generated requests per route`, async () => {
    if (engine === undefined) return;
    const { sent, statuses } = await fuzzRoutes('express', engine, SQL_RUNS);
    console.info(`[figure] fuzz ${engineName}/express (seed ${SEED}) statuses: ${JSON.stringify(statuses)}`);
    for (const count of Object.values(sent)) expect(count).toBe(SQL_RUNS);
  });
});
