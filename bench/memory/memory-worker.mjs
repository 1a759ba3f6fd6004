// One fresh process (node --expose-gc): heap retained by N live offers for one variant. Prints one JSON line.
import { randomBytes, randomUUID } from 'node:crypto';
import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createMemoryStores } from '@offerkit/store-memory';
import { CREDENTIAL_CONFIGURATIONS, CREDENTIAL_ISSUER, PRE_AUTHORIZED_INPUT } from '../lib/workload.mjs';

const [variant, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

function heapAfterGc() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// crypto.randomUUID() returns a rope (a cons string of ~20 parts, ~500 bytes retained); a store that keeps
// it as is pays that per id. Flatten so the plain Map holds ordinary 36-character strings, as OfferKit's
// structuredClone copies do.
function flat(text) {
  return Buffer.from(text, 'latin1').toString('latin1');
}

function freshRecord(now, userId) {
  return {
    id: flat(randomUUID()),
    userId,
    codeHash: randomBytes(32).toString('base64url'),
    referenceHash: null,
    txCodeMac: randomBytes(32).toString('base64url'),
    txCode: { inputMode: 'numeric', length: 6 },
    credentials: PRE_AUTHORIZED_INPUT.credentials,
    profile: '1.0',
    claims: null,
    createdAt: now,
    expiresAt: now + 300_000,
    attempts: 0,
    consumedAt: null,
    revokedAt: null,
    lockedAt: null,
  };
}

const VARIANTS = {
  /** OfferKit memory store, offers of one existing user: the offer store alone. */
  async 'offerkit-memory-store'() {
    const stores = createMemoryStores();
    const issuer = createOfferIssuer({
      credentialIssuer: CREDENTIAL_ISSUER,
      credentialConfigurations: CREDENTIAL_CONFIGURATIONS,
      ...stores,
      crypto: createNodeCrypto(),
    });
    const { userId } = await issuer.createPreAuthorizedOffer(PRE_AUTHORIZED_INPUT);
    const input = { ...PRE_AUTHORIZED_INPUT, userId };
    const before = heapAfterGc();
    for (let i = 0; i < count; i++) await issuer.createPreAuthorizedOffer(input);
    const after = heapAfterGc();
    return { before, after, keep: issuer };
  },
  /** OfferKit memory stores, default input (no userId): each offer also creates its user. */
  async 'offerkit-memory-store-with-new-user'() {
    const stores = createMemoryStores();
    const issuer = createOfferIssuer({
      credentialIssuer: CREDENTIAL_ISSUER,
      credentialConfigurations: CREDENTIAL_CONFIGURATIONS,
      ...stores,
      crypto: createNodeCrypto(),
    });
    await issuer.createPreAuthorizedOffer(PRE_AUTHORIZED_INPUT);
    const before = heapAfterGc();
    for (let i = 0; i < count; i++) await issuer.createPreAuthorizedOffer(PRE_AUTHORIZED_INPUT);
    const after = heapAfterGc();
    return { before, after, keep: issuer };
  },
  /** A plain Map by id holding the same fields (fresh strings per record, as OfferKit's copies are). */
  async 'plain-map'() {
    const map = new Map();
    const userId = randomUUID();
    const before = heapAfterGc();
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const record = freshRecord(now, flat(userId));
      map.set(record.id, record);
    }
    const after = heapAfterGc();
    return { before, after, keep: map };
  },
  /** A plain Map by id plus a Map from code hash to id: the least a store that can redeem needs. */
  async 'plain-map-with-code-index'() {
    const byId = new Map();
    const byCode = new Map();
    const userId = randomUUID();
    const before = heapAfterGc();
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const record = freshRecord(now, flat(userId));
      byId.set(record.id, record);
      byCode.set(record.codeHash, record.id);
    }
    const after = heapAfterGc();
    return { before, after, keep: [byId, byCode] };
  },
  /** Diagnostic: the plain Map with each record passed through structuredClone, as the memory store does. */
  async 'diag-plain-map-structured-clone'() {
    const map = new Map();
    const userId = randomUUID();
    const before = heapAfterGc();
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const record = structuredClone(freshRecord(now, flat(userId)));
      map.set(record.id, record);
    }
    const after = heapAfterGc();
    return { before, after, keep: map };
  },
};

const run = VARIANTS[variant];
if (run === undefined) throw new Error(`unknown variant ${variant}`);
const { before, after, keep } = await run();
const bytesPerOffer = (after - before) / count;
process.stdout.write(
  `${JSON.stringify({ variant, count, before, after, bytesPerOffer, kept: keep !== undefined })}\n`,
);
