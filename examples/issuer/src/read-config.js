import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} IssuerConfig
 * @property {number} port TCP port; 0 picks a free one.
 * @property {string} token Management bearer token.
 * @property {boolean} tokenGenerated True when no OFFERKIT_TOKEN was given.
 * @property {string} sqliteFile Absolute path of the SQLite file.
 * @property {string | undefined} issuerUrl OFFERKIT_ISSUER; undefined means `http://localhost:<port>`.
 */

/**
 * Reads the example's environment: PORT [3000], OFFERKIT_TOKEN [generated, 32 random bytes],
 * OFFERKIT_SQLITE [./data/offerkit.sqlite, relative to examples/issuer], OFFERKIT_ISSUER [http://localhost:$PORT].
 * @param {NodeJS.ProcessEnv} env
 * @returns {IssuerConfig}
 */
export function readConfig(env) {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const given = env.OFFERKIT_TOKEN;
  const token = given === undefined || given === '' ? randomBytes(32).toString('base64url') : given;
  return {
    port,
    token,
    tokenGenerated: token !== given,
    sqliteFile: resolve(exampleDir, env.OFFERKIT_SQLITE || './data/offerkit.sqlite'),
    issuerUrl: env.OFFERKIT_ISSUER || undefined,
  };
}
