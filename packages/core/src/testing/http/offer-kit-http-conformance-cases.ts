import assert from 'node:assert/strict';
import { decodeCredentialOfferUri } from '../../encoding/decode-credential-offer-uri.js';
import type { PreAuthorizedOfferStatus } from '../../issuer/offer-issuer.js';
import type { CredentialOffer } from '../../offer/credential-offer.js';
import type { ConformanceCase } from '../store/conformance-case.js';
import { assertErrorReply, assertJsonReply } from './assert-reply.js';
import { badInputCase } from './bad-input-row.js';
import { deleteBadInputRows } from './delete-bad-input-rows.js';
import type { HttpConformanceOptions } from './http-conformance-options.js';
import {
  CONFORMANCE_TOKEN,
  type CreatedOffer,
  DEGREE,
  type FixtureSetup,
  type HttpFixture,
  MDL,
  offerOf,
  PRE_AUTH,
  START,
  withHttpFixture,
} from './http-fixture.js';
import type { HttpReply } from './http-reply.js';
import { DRIVER_ERROR_TEXT } from './instrument-stores.js';
import { managementBadInputRows } from './management-bad-input-rows.js';
import { tokenBadInputRows } from './token-bad-input-rows.js';

const PRE = '/v1/openid/offers/pre-authorized';
const BY_ID = '/v1/openid/offers/pre-authorized/';
const BEARER = { authorization: `Bearer ${CONFORMANCE_TOKEN}` };
const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The HTTP adapter conformance cases (DESIGN §6, test-matrix B1 to B3, C3, C5), runner-agnostic like the store
 * kit: every route's happy path, each bad-input row as its own case, the by-reference lifecycle with a
 * `ManualClock`, storage outages, 1000 parallel redemptions of one code and 200 parallel wrong tx codes.
 * Each case starts a fresh issuer on fresh stores behind a fresh server from `options.serve`, and shuts it down.
 * For vitest: `for (const c of offerKitHttpConformanceCases(opts)) it(c.name, c.run, c.timeoutMs)`.
 */
export function offerKitHttpConformanceCases(options: HttpConformanceOptions): ConformanceCase[] {
  const parallelRedemptions = options.parallelRedemptions ?? 1000;
  const parallelWrongTxCodes = options.parallelWrongTxCodes ?? 200;
  const scenario = (
    name: string,
    setup: FixtureSetup,
    body: (f: HttpFixture) => Promise<void>,
    timeoutMs?: number,
  ) => {
    const c: ConformanceCase = { name, run: () => withHttpFixture(options, setup, body) };
    if (timeoutMs !== undefined) c.timeoutMs = timeoutMs;
    return c;
  };
  const redeem = (f: HttpFixture, code: string, txCode?: string) =>
    f.postToken([
      ['grant_type', PRE_AUTH],
      ['pre-authorized_code', code],
      ...(txCode === undefined ? [] : [['tx_code', txCode] as [string, string]]),
    ]);

  const happyPaths: ConformanceCase[] = [
    scenario('happy: POST /v1/openid/offers → 201 { uri }', {}, async (f) => {
      const reply = await f.postJson('/v1/openid/offers', {
        credentials: [DEGREE],
        request_parameters: { login_hint: 'user@example.com' },
      });
      assertJsonReply(reply, 201);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      const body = reply.json as { uri: string };
      assert.deepEqual(Object.keys(body), ['uri']);
      const decoded = decodeCredentialOfferUri(body.uri);
      assert.ok(decoded.kind === 'value', 'an authorization-code offer travels by value');
      const offer: CredentialOffer = decoded.offer;
      assert.deepEqual(offer.credential_configuration_ids, [DEGREE]);
      assert.deepEqual(offer.request_parameters, { login_hint: 'user@example.com' });
    }),
    scenario(
      'happy: POST /v1/openid/offers with issuerState generation → 201 { uri, issuerState }',
      { issuer: { authorizationCode: { issuerState: 'generate' } } },
      async (f) => {
        const reply = await f.postJson('/v1/openid/offers', { credentials: [DEGREE] });
        assertJsonReply(reply, 201);
        const body = reply.json as { uri: string; issuerState: string };
        assert.match(body.issuerState, CODE_SHAPE);
        const { offer } = await offerOf(body.uri, f.request);
        assert.equal(offer.grants?.authorization_code?.issuer_state, body.issuerState);
      },
    ),
    scenario('happy: lower-case "bearer" scheme is accepted', {}, async (f) => {
      const reply = await f.postJson(
        '/v1/openid/offers',
        { credentials: [DEGREE] },
        {
          authorization: `bearer ${CONFORMANCE_TOKEN}`,
        },
      );
      assertJsonReply(reply, 201);
    }),
    scenario('happy: "BEARER" scheme is accepted', {}, async (f) => {
      assertJsonReply(
        await f.postJson(PRE, { credentials: [MDL] }, { authorization: `BEARER ${CONFORMANCE_TOKEN}` }),
        201,
      );
    }),
    scenario(
      'happy: trailing whitespace after the token is header OWS (RFC 9110 §5.5), stripped by the HTTP parser → 201',
      {},
      async (f) => {
        assertJsonReply(
          await f.postJson(PRE, { credentials: [MDL] }, { authorization: `Bearer ${CONFORMANCE_TOKEN} ` }),
          201,
        );
      },
    ),
    scenario('happy: Content-Type application/json; charset=UTF-8 is accepted', {}, async (f) => {
      const reply = await f.postJson(
        PRE,
        { credentials: [MDL] },
        { 'content-type': 'application/json; charset=UTF-8' },
      );
      assertJsonReply(reply, 201);
    }),
    scenario(
      'happy: POST pre-authorized without expiresIn → 201, expires in 300 s, no-store',
      {},
      async (f) => {
        const reply = await f.postJson(PRE, { credentials: [MDL] });
        assertJsonReply(reply, 201);
        assert.equal(reply.headers.get('cache-control'), 'no-store');
        const body = reply.json as Record<string, string>;
        assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'id', 'uri', 'userId']);
        assert.match(body.id ?? '', UUID_V4);
        assert.match(body.userId ?? '', UUID_V4);
        assert.equal(body.expiresAt, new Date(START + 300_000).toISOString());
        const { offer } = await offerOf(body.uri ?? '', f.request);
        assert.deepEqual(offer.credential_configuration_ids, [MDL]);
        const grant = offer.grants?.[PRE_AUTH];
        assert.match(grant?.['pre-authorized_code'] ?? '', CODE_SHAPE);
        assert.equal(grant?.tx_code, undefined);
      },
    ),
    ...[
      ['{ seconds: 1 }', '{"seconds":1}', 1],
      ['{ seconds: 600 }', '{"seconds":600}', 600],
      ['{ seconds: 1e2 }', '{"seconds":1e2}', 100],
      ['{ minutes: 10 }', '{"minutes":10}', 600],
      ['{ minutes: 1, seconds: 30 }', '{"minutes":1,"seconds":30}', 90],
    ].map(([label, json, seconds]) =>
      scenario(`happy: expiresIn ${label} → 201, expiresAt = now + ${seconds} s`, {}, async (f) => {
        const reply = await f.postJson(PRE, `{"credentials":["${MDL}"],"expiresIn":${json}}`);
        assertJsonReply(reply, 201);
        const expected = new Date(START + Number(seconds) * 1000).toISOString();
        assert.equal((reply.json as { expiresAt: string }).expiresAt, expected);
      }),
    ),
    scenario('happy: body of exactly 32 KiB is processed → 201', {}, async (f) => {
      const body = `{"credentials":["${MDL}"]}`.padEnd(32 * 1024, ' ');
      assert.equal(new TextEncoder().encode(body).length, 32 * 1024);
      assertJsonReply(await f.postJson(PRE, body), 201);
    }),
    scenario(
      'happy: pre-authorized with a tx code → 201, 6-digit string, code never in the store',
      {},
      async (f) => {
        const reply = await f.postJson(PRE, {
          credentials: [MDL],
          transactionCodeConfiguration: { description: 'Code sent by e-mail \u{1F4E7}'.padEnd(290, '.') },
        });
        assertJsonReply(reply, 201);
        assert.equal(reply.headers.get('cache-control'), 'no-store');
        const body = reply.json as { id: string; uri: string; transactionCode: string };
        assert.equal(typeof body.transactionCode, 'string');
        assert.match(body.transactionCode, /^\d{6}$/);
        const { offer } = await offerOf(body.uri, f.request);
        const grant = offer.grants?.[PRE_AUTH];
        assert.deepEqual(grant?.tx_code?.length, 6);
        const code = grant?.['pre-authorized_code'] ?? '';
        const stored = JSON.stringify(await f.record(body.id));
        assert.ok(!stored.includes(code), 'pre-authorized code stored in plaintext');
        assert.ok(!stored.includes(`"${body.transactionCode}"`), 'tx code stored in plaintext');
      },
    ),
    scenario(
      'happy: pre-authorized for an existing userId with claims → 201, claims reach issueAccessToken',
      {},
      async (f) => {
        const first = (
          await f.postJson(PRE, { credentials: [MDL], claims: { name: 'Ada' }, claimsToPersist: ['name'] })
        ).json as { userId: string };
        const reply = await f.postJson(PRE, {
          credentials: [MDL],
          userId: first.userId.toUpperCase(),
          claims: { age: 36 },
        });
        assertJsonReply(reply, 201);
        const body = reply.json as { userId: string; uri: string };
        assert.equal(body.userId, first.userId);
        const { offer } = await offerOf(body.uri, f.request);
        const token = await redeem(f, offer.grants?.[PRE_AUTH]?.['pre-authorized_code'] ?? '');
        assertJsonReply(token, 200);
        assert.deepEqual(f.minted[0]?.claims, { name: 'Ada', age: 36 });
        assert.equal(f.minted[0]?.userId, first.userId);
      },
    ),
    scenario('happy: GET by id → 200 status without secrets', {}, async (f) => {
      const created = await f.createOffer({ transactionCodeConfiguration: {} });
      const reply = await f.request(`${BY_ID}${created.result.id}`, { headers: BEARER });
      assertJsonReply(reply, 200);
      const status = reply.json as PreAuthorizedOfferStatus;
      assert.equal(status.id, created.result.id);
      assert.equal(status.status, 'active');
      assert.equal(status.transactionCodeRequired, true);
      assert.equal(status.failedAttempts, 0);
      assert.ok(!reply.text.includes(created.code), 'status leaks the pre-authorized code');
      assert.ok(!reply.text.includes(`"${created.result.transactionCode}"`), 'status leaks the tx code');
    }),
    scenario('happy: GET by upper-case id finds the offer (ids are normalised)', {}, async (f) => {
      const created = await f.createOffer();
      const reply = await f.request(`${BY_ID}${created.result.id.toUpperCase()}`, { headers: BEARER });
      assertJsonReply(reply, 200);
      assert.equal((reply.json as { id: string }).id, created.result.id);
    }),
    scenario('happy: DELETE → 204 empty; again → 404; redeem → invalid_grant', {}, async (f) => {
      const created = await f.createOffer();
      const deleted = await f.request(`${BY_ID}${created.result.id}`, { method: 'DELETE', headers: BEARER });
      assert.equal(deleted.status, 204);
      assert.equal(deleted.text, '');
      assert.equal(deleted.headers.get('cache-control'), 'no-store');
      assertErrorReply(
        await f.request(`${BY_ID}${created.result.id}`, { method: 'DELETE', headers: BEARER }),
        {
          status: 404,
          envelope: 'NotFound',
        },
      );
      assertErrorReply(await redeem(f, created.code), { status: 400, oauth: 'invalid_grant' });
      assert.equal(f.minted.length, 0);
      const status = await f.request(`${BY_ID}${created.result.id}`, { headers: BEARER });
      assert.equal((status.json as { status: string }).status, 'revoked');
    }),
    scenario('happy: DELETE by upper-case id → 204', {}, async (f) => {
      const created = await f.createOffer();
      const reply = await f.request(`${BY_ID}${created.result.id.toUpperCase()}`, {
        method: 'DELETE',
        headers: BEARER,
      });
      assert.equal(reply.status, 204);
    }),
    scenario(
      "happy: DELETE after a successful redemption → 204 (revoked; minted tokens are the host's)",
      {},
      async (f) => {
        const created = await f.createOffer();
        assertJsonReply(await redeem(f, created.code), 200);
        const reply = await f.request(`${BY_ID}${created.result.id}`, { method: 'DELETE', headers: BEARER });
        assert.equal(reply.status, 204);
      },
    ),
    scenario(
      'happy: POST /token → 200 token JSON, no-store, Pragma: no-cache; replay → same body as unknown',
      {},
      async (f) => {
        const created = await f.createOffer();
        const reply = await f.postToken([
          ['grant_type', PRE_AUTH],
          ['pre-authorized_code', created.code],
          ['client_id', 'wallet'],
          ['resource', 'https://issuer.example.com'],
          ['authorization_details', '[]'],
        ]);
        assertJsonReply(reply, 200);
        assert.equal(reply.headers.get('cache-control'), 'no-store');
        assert.equal(reply.headers.get('pragma'), 'no-cache');
        assert.deepEqual(reply.json, { access_token: 'at-1', token_type: 'Bearer', expires_in: 300 });
        assert.equal(f.minted.length, 1);
        assert.equal(f.minted[0]?.offerId, created.result.id);
        assert.deepEqual(f.minted[0]?.credentials, [MDL]);
        const replay = await redeem(f, created.code);
        assertErrorReply(replay, { status: 400, oauth: 'invalid_grant' });
        const unknown = await redeem(f, 'Q2hhbmdlIHRoaXMgY29kZSB0byBzb21ldGhpbmcgZWxz');
        assert.equal(replay.text, unknown.text, 'replay and unknown code must be indistinguishable');
        assert.equal(f.minted.length, 1);
      },
    ),
    scenario(
      'happy: POST /token with the right tx code → 200; draft-11 user_pin also accepted',
      {},
      async (f) => {
        const a = await f.createOffer({ transactionCodeConfiguration: {} });
        assertJsonReply(await redeem(f, a.code, a.result.transactionCode), 200);
        const b = await f.createOffer({ transactionCodeConfiguration: {} });
        const reply = await f.postToken([
          ['grant_type', PRE_AUTH],
          ['pre-authorized_code', b.code],
          ['user_pin', b.result.transactionCode ?? ''],
        ]);
        assertJsonReply(reply, 200);
        assert.equal(f.minted.length, 2);
      },
    ),
    scenario('happy: POST /token with charset=utf-8 in the Content-Type → 200', {}, async (f) => {
      const created = await f.createOffer();
      const reply = await f.postToken(
        `grant_type=${encodeURIComponent(PRE_AUTH)}&pre-authorized_code=${created.code}`,
        {
          'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        },
      );
      assertJsonReply(reply, 200);
    }),
    scenario(
      'happy: without issueAccessToken, POST /token is not an OfferKit route (falls through)',
      { tokenRoute: false },
      async (f) => {
        const created = await f.createOffer();
        const reply = await redeem(f, created.code);
        assert.equal(reply.status, 404);
        assert.ok(
          !(
            reply.json !== undefined &&
            typeof reply.json === 'object' &&
            reply.json !== null &&
            'error' in reply.json
          ),
          'an OfferKit JSON error answered a route that is not mounted',
        );
        assert.equal((await f.record(created.result.id))?.consumedAt, null);
      },
    ),
    scenario(
      'happy: a path outside OfferKit falls through to the host; an empty id does not',
      {},
      async (f) => {
        const reply = await f.request('/v1/openid/offers-other');
        assert.equal(reply.status, 404);
        // An empty id is still OfferKit's route: our JSON 400, never the host's (HTML) 404.
        const trailing = await f.request('/v1/openid/offers/pre-authorized/', { headers: BEARER });
        assert.equal(trailing.status, 400);
        assert.match(trailing.headers.get('content-type') ?? '', /^application\/json/);
      },
    ),
  ];

  const stateful: ConformanceCase[] = [
    scenario('B3: tx_code sent but not expected → invalid_request, not consumed', {}, async (f) => {
      const created = await f.createOffer();
      const before = await f.record(created.result.id);
      assertErrorReply(await redeem(f, created.code, '123456'), { status: 400, oauth: 'invalid_request' });
      assert.deepEqual(await f.record(created.result.id), before);
      assertJsonReply(await redeem(f, created.code), 200);
    }),
    scenario(
      'B3: wrong tx_code → invalid_grant, one attempt counted; right code still works',
      {},
      async (f) => {
        const created = await f.createOffer({ transactionCodeConfiguration: {} });
        const wrong = created.result.transactionCode === '000000' ? '000001' : '000000';
        assertErrorReply(await redeem(f, created.code, wrong), { status: 400, oauth: 'invalid_grant' });
        assert.equal((await f.record(created.result.id))?.attempts, 1);
        assertJsonReply(await redeem(f, created.code, created.result.transactionCode), 200);
      },
    ),
    scenario(
      'B3: wrong tx_code with wrongCodeError invalid_tx_code → 400 invalid_tx_code',
      { issuer: { txCode: { wrongCodeError: 'invalid_tx_code' } } },
      async (f) => {
        const created = await f.createOffer({ transactionCodeConfiguration: {} });
        const wrong = created.result.transactionCode === '999999' ? '999998' : '999999';
        assertErrorReply(await redeem(f, created.code, wrong), { status: 400, oauth: 'invalid_tx_code' });
      },
    ),
    scenario(
      'B3: look-alike tx codes (letters, short, long, space, Arabic-Indic, full-width) each count as wrong',
      { issuer: { txCode: { maxAttempts: 10 } } },
      async (f) => {
        const created = await f.createOffer({ transactionCodeConfiguration: {} });
        const right = created.result.transactionCode ?? '';
        const arabic = [...right].map((d) => String.fromCodePoint(0x660 + Number(d))).join('');
        const fullWidth = [...right].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
        const variants = [
          `${right.slice(0, 2)}a${right.slice(3)}`,
          right.slice(0, 5),
          `${right}7`,
          ` ${right}`,
          arabic,
          fullWidth,
        ];
        for (const [index, variant] of variants.entries()) {
          assertErrorReply(await redeem(f, created.code, variant), { status: 400, oauth: 'invalid_grant' });
          assert.equal((await f.record(created.result.id))?.attempts, index + 1);
        }
        assertJsonReply(await redeem(f, created.code, right), 200);
      },
    ),
    scenario(
      'B3: third wrong tx_code locks the offer; the right code then gets invalid_grant',
      {},
      async (f) => {
        const created = await f.createOffer({ transactionCodeConfiguration: {} });
        const right = created.result.transactionCode ?? '';
        const wrong = right === '111111' ? '222222' : '111111';
        for (let i = 0; i < 3; i++) {
          assertErrorReply(await redeem(f, created.code, wrong), { status: 400, oauth: 'invalid_grant' });
        }
        const record = await f.record(created.result.id);
        assert.equal(record?.attempts, 3);
        assert.notEqual(record?.lockedAt, null);
        assert.equal(f.events.filter((e) => e.type === 'offer.locked').length, 1);
        assertErrorReply(await redeem(f, created.code, right), { status: 400, oauth: 'invalid_grant' });
        assert.equal(f.minted.length, 0);
      },
    ),
    scenario('B3: expiry boundary: exp-1ms → 200; exp and exp+1ms → invalid_grant', {}, async (f) => {
      const early = await f.createOffer({ expiresIn: { seconds: 60 } });
      const atExp = await f.createOffer({ expiresIn: { seconds: 60 } });
      const afterExp = await f.createOffer({ expiresIn: { seconds: 60 } });
      f.clock.set(START + 60_000 - 1);
      assertJsonReply(await redeem(f, early.code), 200);
      f.clock.set(START + 60_000);
      assertErrorReply(await redeem(f, atExp.code), { status: 400, oauth: 'invalid_grant' });
      f.clock.set(START + 60_001);
      assertErrorReply(await redeem(f, afterExp.code), { status: 400, oauth: 'invalid_grant' });
      assert.equal(f.minted.length, 1);
    }),
    scenario(
      "B3: an authorization-code offer's issuer_state used as a pre-authorized code → invalid_grant",
      { issuer: { authorizationCode: { issuerState: 'generate' } } },
      async (f) => {
        const reply = await f.postJson('/v1/openid/offers', { credentials: [DEGREE] });
        const { issuerState } = reply.json as { issuerState: string };
        assertErrorReply(await redeem(f, issuerState), { status: 400, oauth: 'invalid_grant' });
      },
    ),
    scenario(
      'by reference: GET repeatedly until expiry, then the wallet redeems',
      { issuer: { delivery: 'reference' } },
      async (f) => {
        const reply = await f.postJson(PRE, { credentials: [MDL], expiresIn: { seconds: 120 } });
        assertJsonReply(reply, 201);
        const { uri } = reply.json as { uri: string };
        assert.match(uri, /^openid-credential-offer:\/\/\?credential_offer_uri=/);
        const first = await offerOf(uri, f.request);
        const path = `/credential-offer/${first.reference}`;
        const bodies: string[] = [];
        for (const at of [START, START + 30_000, START + 60_000, START + 120_000 - 1]) {
          f.clock.set(at);
          const get = await f.request(path);
          assertJsonReply(get, 200);
          assert.equal(get.headers.get('cache-control'), 'no-store');
          bodies.push(get.text);
        }
        assert.equal(new Set(bodies).size, 1, 'every GET returns the same offer');
        const code = first.offer.grants?.[PRE_AUTH]?.['pre-authorized_code'] ?? '';
        assert.match(code, CODE_SHAPE);
        assertJsonReply(await redeem(f, code), 200);
        assertErrorReply(await f.request(path), { status: 404, oauth: 'invalid_request' });
      },
    ),
    scenario(
      'by reference: after expiry the GET is 404 and the code is invalid_grant',
      { issuer: { delivery: 'reference' } },
      async (f) => {
        const created = await f.createOffer({ expiresIn: { seconds: 30 } });
        f.clock.set(START + 30_000);
        assertErrorReply(await f.request(`/credential-offer/${created.reference}`), {
          status: 404,
          oauth: 'invalid_request',
        });
        assertErrorReply(await redeem(f, created.code), { status: 400, oauth: 'invalid_grant' });
      },
    ),
    scenario('by reference: deleted offer → GET 404', { issuer: { delivery: 'reference' } }, async (f) => {
      const created = await f.createOffer();
      assert.equal(
        (await f.request(`${BY_ID}${created.result.id}`, { method: 'DELETE', headers: BEARER })).status,
        204,
      );
      assertErrorReply(await f.request(`/credential-offer/${created.reference}`), {
        status: 404,
        oauth: 'invalid_request',
      });
    }),
  ];

  const outages: ConformanceCase[] = [
    ...(
      [
        ['POST pre-authorized', (f: HttpFixture) => f.postJson(PRE, { credentials: [MDL] }), 'management'],
        [
          'GET by id',
          (f: HttpFixture, c: CreatedOffer) => f.request(`${BY_ID}${c.result.id}`, { headers: BEARER }),
          'management',
        ],
        [
          'DELETE by id',
          (f: HttpFixture, c: CreatedOffer) =>
            f.request(`${BY_ID}${c.result.id}`, { method: 'DELETE', headers: BEARER }),
          'management',
        ],
        ['POST /token', (f: HttpFixture, c: CreatedOffer) => redeem(f, c.code), 'oauth'],
      ] as Array<[string, (f: HttpFixture, c: CreatedOffer) => Promise<HttpReply>, 'management' | 'oauth']>
    ).map(([label, send, kind]) =>
      scenario(`outage: ${label} with the store failing → 503 JSON, no driver text`, {}, async (f) => {
        const created = await f.createOffer();
        f.stores.failing.value = true;
        const reply = await send(f, created);
        assertErrorReply(
          reply,
          kind === 'management'
            ? { status: 503, envelope: 'ServiceUnavailable' }
            : { status: 503, oauth: 'server_error' },
        );
        assert.ok(!reply.text.includes('SQLITE'), 'driver text leaked');
        assert.ok(!reply.text.includes(DRIVER_ERROR_TEXT.slice(-6)), 'driver text leaked');
        f.stores.failing.value = false;
        assert.equal(f.minted.length, 0);
      }),
    ),
    scenario(
      'outage: GET /credential-offer/{ref} with the store failing → 503 server_error',
      { issuer: { delivery: 'reference' } },
      async (f) => {
        const created = await f.createOffer();
        f.stores.failing.value = true;
        const reply = await f.request(`/credential-offer/${created.reference}`);
        assertErrorReply(reply, { status: 503, oauth: 'server_error' });
        assert.ok(!reply.text.includes('SQLITE'));
      },
    ),
    scenario(
      'outage: issueAccessToken throws → 503 server_error, no token, the offer stays consumed (fail closed)',
      {
        issueAccessToken: async () => {
          throw new Error('token service down: secret-detail');
        },
      },
      async (f) => {
        const created = await f.createOffer();
        const reply = await redeem(f, created.code);
        assertErrorReply(reply, { status: 503, oauth: 'server_error' });
        assert.ok(!reply.text.includes('secret-detail'));
        assert.notEqual((await f.record(created.result.id))?.consumedAt, null);
        assertErrorReply(await redeem(f, created.code), { status: 400, oauth: 'invalid_grant' });
      },
    ),
  ];

  const races: ConformanceCase[] = [
    scenario(
      `race: ${parallelRedemptions} parallel POST /token for one code → exactly one 200, the rest invalid_grant, zero 5xx`,
      {},
      async (f) => {
        const created = await f.createOffer();
        const replies = await Promise.all(
          Array.from({ length: parallelRedemptions }, () => redeem(f, created.code)),
        );
        const statuses = countBy(replies.map((r) => r.status));
        assert.equal(statuses.get(200), 1, `statuses: ${JSON.stringify([...statuses])}`);
        assert.equal(
          statuses.get(400),
          parallelRedemptions - 1,
          `statuses: ${JSON.stringify([...statuses])}`,
        );
        for (const reply of replies)
          if (reply.status === 400) assert.equal((reply.json as { error: string }).error, 'invalid_grant');
        assert.equal(f.minted.length, 1);
      },
      120_000,
    ),
    scenario(
      `race: ${parallelWrongTxCodes} parallel wrong tx codes → exactly 3 counted, then locked; the right code gets invalid_grant`,
      {},
      async (f) => {
        const created = await f.createOffer({ transactionCodeConfiguration: {} });
        const right = created.result.transactionCode ?? '';
        const wrongCodes: string[] = [];
        for (let n = 0; wrongCodes.length < parallelWrongTxCodes; n++) {
          const candidate = String(n).padStart(6, '0');
          if (candidate !== right) wrongCodes.push(candidate);
        }
        const replies = await Promise.all(wrongCodes.map((code) => redeem(f, created.code, code)));
        for (const reply of replies) assertErrorReply(reply, { status: 400, oauth: 'invalid_grant' });
        const counted = f.events.filter(
          (e) => e.type === 'offer.redeem_failed' && e.reason === 'tx_code_wrong',
        );
        assert.equal(counted.length, 3, 'exactly maxAttempts wrong codes are compared');
        const record = await f.record(created.result.id);
        assert.equal(record?.attempts, 3);
        assert.notEqual(record?.lockedAt, null);
        assertErrorReply(await redeem(f, created.code, right), { status: 400, oauth: 'invalid_grant' });
        assert.equal(f.minted.length, 0);
      },
      60_000,
    ),
  ];

  return [
    ...happyPaths,
    ...managementBadInputRows.map((row) => badInputCase('B1', options, row)),
    ...deleteBadInputRows.map((row) => badInputCase('B2', options, row)),
    ...tokenBadInputRows.map((row) => badInputCase('B3', options, row)),
    ...stateful,
    ...outages,
    ...races,
  ];
}

function countBy(values: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
