// R12/R13: every secret the suite generates (pre-authorized codes, tx codes, reference secrets, the management
// bearer token) is searched for, raw and encoded, in every event, every onError report, everything written to
// stdout/stderr, every response that is not the one place a secret belongs, and a dump of every table: no hit.
import { createHash } from 'node:crypto';
import { decodeCredentialOfferUri, type OfferIssuer } from '@offerkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Call, type Reply, send } from './helpers/http-client.js';
import { ADAPTER_NAMES, MANAGEMENT_TOKEN, startOfferKitServer } from './helpers/offerkit-server.js';
import {
  CONFIGURATION_ID,
  createOfferOverHttp,
  createReliabilityIssuer,
  MANAGEMENT_HEADERS,
  tokenRequest,
} from './helpers/reliability-issuer.js';
import { closeTestEngines, ENGINE_NAMES, openTestEngines } from './helpers/test-engines.js';

interface Secret {
  kind: string;
  value: string;
}

/** The forms in which a secret could leak. Numeric tx codes only as a whole JSON string or form value. */
function needles(secret: Secret): string[] {
  if (/^\d+$/.test(secret.value))
    return [`"${secret.value}"`, `=${secret.value}&`, `tx_code=${secret.value}`];
  const forms = new Set([secret.value, encodeURIComponent(secret.value)]);
  if (/^[A-Za-z0-9_-]{43}$/.test(secret.value)) {
    const bytes = Buffer.from(secret.value, 'base64url');
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
  }
  return [...forms];
}

function capture(into: string[]): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const record =
    (write: typeof out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = record(out) as typeof process.stdout.write;
  process.stderr.write = record(err) as typeof process.stderr.write;
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m]);
  for (const m of methods) {
    const original = console[m];
    console[m] = (...args: unknown[]) => {
      into.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    };
  }
  return () => {
    process.stdout.write = out;
    process.stderr.write = err;
    methods.forEach((m, i) => {
      console[m] = originals[i] as (typeof console)[typeof m];
    });
  };
}

const engines = await openTestEngines(ENGINE_NAMES, 10);
afterAll(() => closeTestEngines(engines));

describe.each(ENGINE_NAMES)('no secret outside its one legitimate place on %s', (engineName) => {
  const engine = engines.get(engineName);
  const skip = engine === undefined;

  it.skipIf(skip).each(ADAPTER_NAMES)('%s', async (adapter) => {
    if (engine === undefined) return;
    const secrets: Secret[] = [{ kind: 'bearer', value: MANAGEMENT_TOKEN }];
    const haystack: string[] = [];
    const offerIds: string[] = [];
    const userIds: string[] = [];
    const codeHashes: string[] = [];
    const stores = engine.createStores();
    const issuer: OfferIssuer = createReliabilityIssuer(stores, {
      onEvent: (event) => haystack.push(`event ${JSON.stringify(event)}`),
    });
    let failMinting = false;
    const server = await startOfferKitServer(adapter, issuer, {
      issueAccessToken: async (redemption) => {
        if (failMinting) throw new Error(`token service down for offer ${redemption.offerId}`);
        return { access_token: `at-${redemption.offerId}`, token_type: 'Bearer', expires_in: 60 };
      },
      onError: (error) => {
        const cause = (error as { cause?: unknown }).cause;
        haystack.push(`onError ${String(error)} ${(error as Error).stack ?? ''} ${String(cause)}`);
      },
    });
    const restore = capture(haystack);
    // Every reply goes to the haystack except a create response and a by-reference GET, where secrets belong.
    const call = async (request: Call, legit = false): Promise<Reply> => {
      const reply = await send(server.baseUrl, request);
      if (!legit) haystack.push(`reply ${reply.status} ${JSON.stringify(reply.headers)} ${reply.body}`);
      return reply;
    };
    const remember = (code: string, txCode: string | undefined, id: string, userId: string) => {
      secrets.push({ kind: 'code', value: code });
      if (txCode !== undefined) secrets.push({ kind: 'tx_code', value: txCode });
      offerIds.push(id);
      userIds.push(userId);
      codeHashes.push(createHash('sha256').update(code).digest('base64url'));
    };
    try {
      for (let i = 0; i < 30; i++) {
        const txConfig =
          i % 3 === 0
            ? { inputMode: 'text', length: 10 }
            : i % 3 === 1
              ? { inputMode: 'numeric', length: 8 }
              : undefined;
        const offer = await createOfferOverHttp(server.baseUrl, {
          credentials: [CONFIGURATION_ID],
          ...(txConfig === undefined ? {} : { transactionCodeConfiguration: txConfig }),
          claims: { given_name: 'Erika' },
        });
        remember(offer.code, offer.transactionCode, offer.id, offer.userId);
        await call({
          method: 'GET',
          path: `/v1/openid/offers/pre-authorized/${offer.id}`,
          headers: MANAGEMENT_HEADERS,
        });
        if (i % 5 === 4) {
          await call({
            method: 'DELETE',
            path: `/v1/openid/offers/pre-authorized/${offer.id}`,
            headers: MANAGEMENT_HEADERS,
          });
        }
        if (offer.transactionCode !== undefined) {
          await call(tokenRequest(offer.code)); // missing tx code
          await call(tokenRequest(offer.code, `${offer.transactionCode}x`)); // wrong tx code
        } else {
          await call(tokenRequest(offer.code, '12345678')); // unexpected tx code
        }
        failMinting = i % 7 === 6;
        await call(tokenRequest(offer.code, offer.transactionCode)); // success, deleted, or minting failure
        failMinting = false;
        await call(tokenRequest(offer.code, offer.transactionCode)); // replay
        await call({
          ...tokenRequest(offer.code, offer.transactionCode),
          body: `${tokenRequest(offer.code, offer.transactionCode).body}&tx_code=1`,
        }); // repeated parameter
        await call({ method: 'GET', path: `/credential-offer/${offer.code}` }); // a code is no reference
      }
      for (let i = 0; i < 10; i++) {
        const { id, userId, uri } = await issuer
          .createPreAuthorizedOffer(
            {
              credentials: [CONFIGURATION_ID],
              transactionCodeConfiguration: { inputMode: 'text', length: 10 },
            },
            { delivery: 'reference' },
          )
          .then(async (result) => {
            if (result.transactionCode !== undefined)
              secrets.push({ kind: 'tx_code', value: result.transactionCode });
            return result;
          });
        const decoded = decodeCredentialOfferUri(uri);
        if (decoded.kind !== 'reference') throw new Error('expected by reference');
        const reference = decoded.credentialOfferUri.slice(decoded.credentialOfferUri.lastIndexOf('/') + 1);
        secrets.push({ kind: 'reference', value: reference });
        const fetched = await call({ method: 'GET', path: `/credential-offer/${reference}` }, true);
        expect(fetched.status).toBe(200);
        const code = (
          JSON.parse(fetched.body) as { grants: Record<string, { 'pre-authorized_code': string }> }
        ).grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.['pre-authorized_code'];
        if (code === undefined) throw new Error('no code in the by-reference offer');
        remember(code, undefined, id, userId);
        await call(tokenRequest(code, 'WRONGWRONG'));
        await call(tokenRequest(reference)); // the reference is not the code
      }
      await call({
        method: 'POST',
        path: '/v1/openid/offers/pre-authorized',
        headers: { ...MANAGEMENT_HEADERS, authorization: `Bearer ${MANAGEMENT_TOKEN.slice(0, -1)}Z` },
        body: JSON.stringify({ credentials: [CONFIGURATION_ID] }),
      });
      const authCode = await call(
        {
          method: 'POST',
          path: '/v1/openid/offers',
          headers: MANAGEMENT_HEADERS,
          body: JSON.stringify({ credentials: [CONFIGURATION_ID] }),
        },
        true,
      );
      expect(authCode.status).toBe(201);
    } finally {
      restore();
      await server.close();
    }

    let dump = await engine.dump();
    if (dump === undefined) {
      const records = await Promise.all(offerIds.map((id) => stores.offerStore.findById(id)));
      const users = await Promise.all(userIds.map((id) => stores.userStore.findById(id)));
      dump = JSON.stringify({ records, users });
    }
    haystack.push(`dump ${dump}`);
    const text = haystack.join('\n');

    // Positive controls: the dump holds the rows (ids, code digests), and the haystack saw the traffic.
    for (const id of offerIds) expect(dump).toContain(id);
    for (const hash of codeHashes) expect(dump).toContain(hash);
    expect(text).toContain('invalid_grant');
    expect(text).toContain('"type":"offer.redeemed"');

    const hits = secrets.flatMap((secret) =>
      needles(secret)
        .filter((needle) => text.includes(needle))
        .map((needle) => `${secret.kind} found as ${JSON.stringify(needle)}`),
    );
    console.info(
      `[figure] secrets ${engineName}/${adapter}: ${secrets.length} secrets × encodings searched in ${text.length} characters (${haystack.length} entries): ${hits.length} hits`,
    );
    expect(hits).toEqual([]);
    // The search has teeth: one code planted in hex form is found.
    const planted = secrets.find((secret) => secret.kind === 'code');
    if (planted === undefined) throw new Error('no code generated');
    const plantedText = `${text} ${Buffer.from(planted.value, 'base64url').toString('hex')}`;
    expect(needles(planted).some((needle) => plantedText.includes(needle))).toBe(true);
  });
});
