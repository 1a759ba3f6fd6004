// One fresh process of the SQL benchmark on PostgreSQL. argv: variant, seconds per phase, concurrency.
// Phase 1 creates offers for `seconds`; phase 2 redeems them (with their tx codes) for at most `seconds`.
// Prints one JSON line.
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { createOfferIssuer, decodeCredentialOfferUri } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createSqlStores, migrateOfferKit } from '@offerkit/store-sql';
import { postgresConfig } from '@offerkit/test-engines';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import {
  CONFIGURATION_ID,
  CREDENTIAL_CONFIGURATIONS,
  CREDENTIAL_ISSUER,
  LIFETIME_MS,
  PRE_AUTHORIZED_GRANT,
  PRE_AUTHORIZED_INPUT,
} from '../lib/workload.mjs';

const [variant, secondsArg, concurrencyArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 5);
const concurrency = Number(concurrencyArg ?? 10);
const PREFIX = 'offerkit_bench_';
const OFFERS = `${PREFIX}offers`;
const USERS = `${PREFIX}users`;

const pool = new pg.Pool({ ...postgresConfig(), max: concurrency });
pool.on('error', () => {});
const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
await migrateOfferKit(db, { tablePrefix: PREFIX });
await sql`truncate table ${sql.table(OFFERS)}, ${sql.table(USERS)}`.execute(db);
// Warm every pooled connection.
await Promise.all(Array.from({ length: concurrency }, () => sql`select 1`.execute(db)));

/** OfferKit: the issuer on @offerkit/store-sql (kysely) with node crypto. */
function createOfferKitVariant() {
  const issuer = createOfferIssuer({
    credentialIssuer: CREDENTIAL_ISSUER,
    credentialConfigurations: CREDENTIAL_CONFIGURATIONS,
    ...createSqlStores({ db, tablePrefix: PREFIX }),
    crypto: createNodeCrypto(),
  });
  return {
    async create() {
      const { uri, transactionCode } = await issuer.createPreAuthorizedOffer(PRE_AUTHORIZED_INPUT);
      return { uri, transactionCode };
    },
    codeOf(created) {
      const decoded = decodeCredentialOfferUri(created.uri);
      return decoded.offer.grants[PRE_AUTHORIZED_GRANT]['pre-authorized_code'];
    },
    async redeem(code, txCode) {
      await issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode });
      return true;
    },
  };
}

const LIVE = 'consumed_at is null and revoked_at is null and locked_at is null and expires_at > $2';

/**
 * Hand-written: the same statements with `pg` directly (insert user, insert offer; select by code hash, guarded
 * attempt reservation, HMAC compare, guarded consume), the same node:crypto work, no kysely and no core.
 */
function createRawPgVariant() {
  const credentials = JSON.stringify([CONFIGURATION_ID]);
  const txCodeJson = JSON.stringify({ inputMode: 'numeric', length: 6 });
  return {
    async create() {
      const now = Date.now();
      const userId = randomUUID();
      const id = randomUUID();
      const code = randomBytes(32).toString('base64url');
      const transactionCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const offer = {
        credential_issuer: CREDENTIAL_ISSUER,
        credential_configuration_ids: [CONFIGURATION_ID],
        grants: {
          [PRE_AUTHORIZED_GRANT]: {
            'pre-authorized_code': code,
            tx_code: { length: 6, input_mode: 'numeric' },
          },
        },
      };
      const uri = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
      await pool.query(
        `insert into ${USERS} (id, claims, created_at, updated_at) values ($1, '{}', $2, $2)`,
        [userId, now],
      );
      await pool.query(
        `insert into ${OFFERS} (id, user_id, code_hash, reference_hash, tx_code_mac, tx_code, credentials, profile,
           claims, created_at, expires_at, attempts, consumed_at, revoked_at, locked_at)
         values ($1, $2, $3, null, $4, $5, $6, '1.0', null, $7, $8, 0, null, null, null)`,
        [
          id,
          userId,
          createHash('sha256').update(code).digest('base64url'),
          createHmac('sha256', code).update(transactionCode).digest('base64url'),
          txCodeJson,
          credentials,
          now,
          now + LIFETIME_MS,
        ],
      );
      return { uri, transactionCode, code };
    },
    codeOf(created) {
      return created.code;
    },
    async redeem(code, txCode) {
      const now = Date.now();
      const codeHash = createHash('sha256').update(code).digest('base64url');
      const found = await pool.query(`select * from ${OFFERS} where code_hash = $1`, [codeHash]);
      const row = found.rows[0];
      if (row === undefined || row.consumed_at !== null || Number(row.expires_at) <= now) return false;
      const reserved = await pool.query(
        `update ${OFFERS} set attempts = attempts + 1 where code_hash = $1 and ${LIVE} and attempts < 3 returning *`,
        [codeHash, now],
      );
      if (reserved.rows.length !== 1) return false;
      const mac = createHmac('sha256', code).update(txCode).digest();
      if (!timingSafeEqual(mac, Buffer.from(reserved.rows[0].tx_code_mac, 'base64url'))) return false;
      const consumed = await pool.query(
        `update ${OFFERS} set consumed_at = $2 where code_hash = $1 and ${LIVE} returning *`,
        [codeHash, now],
      );
      return consumed.rows.length === 1;
    },
  };
}

const impl =
  variant === 'offerkit-store-sql'
    ? createOfferKitVariant()
    : variant === 'raw-pg'
      ? createRawPgVariant()
      : null;
if (impl === null) throw new Error(`unknown variant ${variant}`);

// Warm-up outside the timed phases.
for (let i = 0; i < 50; i++) {
  const created = await impl.create();
  await impl.redeem(impl.codeOf(created), created.transactionCode);
}

const created = [];
let deadline = performance.now() + seconds * 1000;
let start = performance.now();
let cpu = process.cpuUsage();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) created.push(await impl.create());
  }),
);
const createSeconds = (performance.now() - start) / 1000;
const createCpu = process.cpuUsage(cpu);

const work = created.map((c) => [impl.codeOf(c), c.transactionCode]);
let next = 0;
let redeemed = 0;
let failed = 0;
deadline = performance.now() + seconds * 1000;
start = performance.now();
cpu = process.cpuUsage();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < work.length && performance.now() < deadline) {
      const [code, txCode] = work[next++];
      if (await impl.redeem(code, txCode)) redeemed++;
      else failed++;
    }
  }),
);
const redeemSeconds = (performance.now() - start) / 1000;
const redeemCpu = process.cpuUsage(cpu);
await db.destroy();
process.stdout.write(
  `${JSON.stringify({
    variant,
    concurrency,
    created: created.length,
    createPerSecond: created.length / createSeconds,
    redeemed,
    failed,
    redeemPerSecond: (redeemed + failed) / redeemSeconds,
    // Node CPU (user + system) per operation: the client-side cost, independent of how busy the server is.
    createCpuMicros: (createCpu.user + createCpu.system) / created.length,
    redeemCpuMicros: (redeemCpu.user + redeemCpu.system) / Math.max(1, redeemed + failed),
  })}\n`,
);
