// Test scaffolding for faults.reliability.test.ts: an OfferKit app (Express or Koa) on PostgreSQL or MariaDB in
// its own process, so that a crash is visible to the test. Configured by FAULT_* environment variables; prints
// {"port"} once listening. IPC commands (from the test): 'arm-consume-kill' kills the app's connection around the
// moment the next consume statement is issued; 'kill-all' kills every connection the app's pool opened. The
// kills run on a separate admin connection, as an operator's pg_terminate_backend / KILL would.
import { createServer } from 'node:http';
import { createOfferKitRouter } from '@offerkit/adapter-express';
import { createOfferKitMiddleware } from '@offerkit/adapter-koa';
import { createOfferIssuer } from '@offerkit/core';
import { createNodeCrypto } from '@offerkit/core/node';
import { createSqlStores } from '@offerkit/store-sql';
import express from 'express';
import Koa from 'koa';
import { Kysely, MysqlDialect, PostgresDialect } from 'kysely';
import mysql from 'mysql2';
import pg from 'pg';

const env = process.env;
const engine = env.FAULT_ENGINE;
const adapter = env.FAULT_ADAPTER ?? 'express';
const poolSize = Number(env.FAULT_POOL ?? 10);
const dbHost = env.FAULT_DB_HOST ?? '127.0.0.1';
const dbPort = Number(env.FAULT_DB_PORT ?? (engine === 'postgres' ? 5432 : 3306));
const token = env.FAULT_TOKEN ?? '';

const backends = new Set();
let current;
let db;
let killBackend;

if (engine === 'postgres') {
  const base = {
    host: dbHost,
    port: dbPort,
    user: env.FAULT_DB_USER ?? 'postgres',
    database: env.FAULT_DB_NAME ?? 'test',
  };
  // What a host should configure: bounded connect and query waits, and an 'error' listener on the pool.
  const pool = new pg.Pool({
    ...base,
    max: poolSize,
    connectionTimeoutMillis: 2_000,
    query_timeout: 3_000,
    application_name: 'offerkit-fault-app',
  });
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    // A client that is checked out but between queries when its backend dies emits 'error' with no listener
    // (the pool's own listener covers idle clients only), which would crash the process: hosts need this too.
    client.on('error', () => {});
    current = client.processID;
    backends.add(client.processID);
  });
  pool.on('remove', (client) => backends.delete(client.processID));
  db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [consumeHook()] });
  const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: base.user, database: base.database });
  admin.on('error', () => {});
  const adminReady = admin.connect();
  killBackend = async (pid) => {
    await adminReady;
    await admin.query('select pg_terminate_backend($1)', [pid]);
  };
} else if (engine === 'mariadb') {
  const base = {
    host: dbHost,
    port: dbPort,
    user: env.FAULT_DB_USER ?? 'root',
    database: env.FAULT_DB_NAME ?? 'test',
  };
  const pool = mysql.createPool({
    ...base,
    connectionLimit: poolSize,
    connectTimeout: 2_000,
    charset: 'utf8mb4',
  });
  pool.on('connection', (connection) => {
    current = connection.threadId;
    backends.add(connection.threadId);
    connection.on('error', () => {});
  });
  db = new Kysely({
    dialect: new MysqlDialect({ pool: withQueryTimeout(pool, 3_000) }),
    plugins: [consumeHook()],
  });
  const admin = mysql.createConnection({
    host: '127.0.0.1',
    port: 3306,
    user: base.user,
    database: base.database,
  });
  admin.on('error', () => {});
  killBackend = (threadId) =>
    new Promise((resolve) => {
      admin.query(`KILL CONNECTION ${Number(threadId)}`, () => resolve());
    });
} else {
  throw new Error(`FAULT_ENGINE must be postgres or mariadb, got ${engine}`);
}

let armed;

/**
 * What a MariaDB/MySQL host should configure: mysql2 has no pool-wide query timeout and kysely's MysqlDialect
 * passes none, so a database that stops answering on an open connection would hang the request forever. This
 * wraps the pool so every statement carries mysql2's per-query `timeout` and a timed-out connection is dropped.
 */
function withQueryTimeout(pool, timeoutMs) {
  const wrap = (connection) =>
    new Proxy(connection, {
      get(target, property) {
        if (property === 'query') {
          // mysql2 answers a timed-out query but leaves it at the head of the connection's queue, so the
          // connection is destroyed: otherwise the next statement on it would wait forever behind the dead one.
          return (sql, values, callback) =>
            target.query({ sql, values, timeout: timeoutMs }, values, (error, ...rest) => {
              if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') target.destroy();
              callback(error, ...rest);
            });
        }
        const value = target[property];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    getConnection: (callback) =>
      pool.getConnection((error, connection) => (error ? callback(error) : callback(null, wrap(connection)))),
    end: (callback) => pool.end(callback),
  };
}

/** A kysely plugin that, when armed, kills the connection `delayMs` after the consume UPDATE is issued. */
function consumeHook() {
  return {
    transformQuery({ node }) {
      const isConsume =
        node.kind === 'UpdateQueryNode' &&
        (node.updates ?? []).some((update) => update.column?.column?.name === 'consumed_at');
      if (isConsume && armed !== undefined) {
        const { delayMs } = armed;
        armed = undefined;
        const victim = current;
        // delayMs < 0: the kill is sent at once, so it usually reaches the server before the statement does.
        if (delayMs < 0) killBackend(victim).catch(() => {});
        else setTimeout(() => killBackend(victim).catch(() => {}), delayMs);
      }
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
}

let minted = 0;
const issuer = createOfferIssuer({
  credentialIssuer: 'https://issuer.example.com',
  credentialConfigurations: { 'org.iso.18013.5.1.mDL': { format: 'mso_mdoc' } },
  ...createSqlStores({ db, tablePrefix: env.FAULT_TABLE_PREFIX }),
  crypto: createNodeCrypto(),
});
const options = {
  auth: { tokens: [token] },
  issueAccessToken: async (redemption) => {
    minted++;
    return { access_token: `at-${redemption.offerId}`, token_type: 'Bearer' };
  },
};
let listener;
if (adapter === 'express') {
  const app = express();
  app.use(createOfferKitRouter(issuer, options));
  listener = app;
} else {
  const app = new Koa();
  app.use(createOfferKitMiddleware(issuer, options));
  listener = app.callback();
}

process.on('message', async (message) => {
  if (message.type === 'arm-consume-kill') {
    armed = { delayMs: message.delayMs };
    process.send({ type: 'armed' });
  } else if (message.type === 'kill-all') {
    const victims = [...backends];
    await Promise.all(victims.map((id) => killBackend(id).catch(() => {})));
    process.send({ type: 'killed', count: victims.length });
  } else if (message.type === 'stats') {
    process.send({ type: 'stats', minted, backends: backends.size });
  }
});

const server = createServer(listener);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
