import fc from 'fast-check';
import type { Call } from './http-client.js';
import { MANAGEMENT_TOKEN } from './offerkit-server.js';
import { CONFIGURATION_ID } from './reliability-issuer.js';

/** Real values planted in the store, so that some fuzzed requests reach deep paths. */
export interface FuzzTargets {
  offerIds: string[];
  codes: string[];
  txCodes: string[];
  references: string[];
}

const tricky = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'mdl\u0000',
    '\ud800',
    '\u202e',
    '😀',
    "' OR 1=1 --",
    '../x',
    '%00',
    '__proto__',
    'constructor',
    'toString',
    'A'.repeat(10_000),
    'org.iso.18013.5.1.MDL',
  ),
);

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), tricky, fc.constantFrom(1e308, -0, 2 ** 53 + 1));

const authorization: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`Bearer ${MANAGEMENT_TOKEN}`) },
  fc.constantFrom(
    undefined,
    '',
    'Bearer',
    'Bearer ',
    `bearer ${MANAGEMENT_TOKEN}`,
    `Bearer  ${MANAGEMENT_TOKEN}`,
    `Bearer ${MANAGEMENT_TOKEN} `,
    `Bearer ${MANAGEMENT_TOKEN.slice(0, -1)}`,
    `Basic ${Buffer.from('a:b').toString('base64')}`,
    [`Bearer ${MANAGEMENT_TOKEN}`, `Bearer ${MANAGEMENT_TOKEN}`],
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).filter((s) => !/[\r\n\0]/.test(s)),
);

const jsonContentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    undefined,
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json, text/plain',
    '',
  ),
);

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  fc.constantFrom<Record<string, string>>(
    { 'content-encoding': 'gzip' },
    { 'content-encoding': 'identity' },
    { 'accept-language': 'de-CH, fr;q=0.5, *;q=0.1' },
    { 'accept-language': '\u00ff'.repeat(3) },
    { 'x-forwarded-for': '1.2.3.4' },
    { 'transfer-encoding': 'chunked' },
  ),
);

const pollutingJson = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  `{"credentials":["${CONFIGURATION_ID}"],"__proto__":{"polluted":"yes"}}`,
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  `{"credentials":["${CONFIGURATION_ID}"],"claims":{"__proto__":{"polluted":"yes"}}}`,
  `{"credentials":["${CONFIGURATION_ID}"],"claims":{"constructor":{"prototype":{"polluted":"yes"}}},"claimsToPersist":["constructor"]}`,
  `{"credentials":["${CONFIGURATION_ID}"],"request_parameters":{"__proto__":{"polluted":"yes"}}}`,
  '{"expiresIn":60,"expiresIn":6000}',
  '\ufeff{}',
  '{}x',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `{"credentials":[${Array.from({ length: 5000 }, () => `"${CONFIGURATION_ID}"`).join(',')}]}`,
  'null',
  '[]',
  '"str"',
  '123',
  '',
);

function preAuthorizedShape(targets: FuzzTargets): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      credentials: fc.oneof(
        { weight: 4, arbitrary: fc.constant([CONFIGURATION_ID]) },
        fc.array(fc.oneof(fc.constant(CONFIGURATION_ID), tricky), { maxLength: 70 }),
        anyJson,
      ),
      userId: fc.oneof(fc.constantFrom(...targets.offerIds), fc.uuid(), tricky, anyJson),
      transactionCodeConfiguration: fc.oneof(
        fc.record(
          {
            inputMode: fc.oneof(fc.constantFrom('numeric', 'text'), anyJson),
            length: fc.oneof(fc.integer({ min: -2, max: 12 }), anyJson),
            description: fc.oneof(tricky, anyJson),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
      claims: fc.oneof(fc.dictionary(tricky, anyJson, { maxKeys: 5 }), anyJson),
      claimsToPersist: fc.oneof(fc.array(tricky, { maxLength: 4 }), anyJson),
      expiresIn: fc.oneof(
        fc.record(
          {
            minutes: fc.oneof(fc.integer({ min: -1, max: 11 }), anyJson),
            seconds: fc.oneof(fc.integer(), anyJson),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
      request_parameters: fc.oneof(fc.dictionary(tricky, anyJson, { maxKeys: 3 }), anyJson),
      expires_in: anyJson,
      'pre-authorized_code': tricky,
    },
    { requiredKeys: [] },
  );
}

/** Valid bodies, alone or with one field replaced by noise, so that success paths are fuzzed too. */
function nearlyValid(targets: FuzzTargets): fc.Arbitrary<string> {
  const valid = fc.constantFrom<Record<string, unknown>>(
    { credentials: [CONFIGURATION_ID] },
    { credentials: [CONFIGURATION_ID], transactionCodeConfiguration: { inputMode: 'numeric', length: 6 } },
    {
      credentials: [CONFIGURATION_ID],
      transactionCodeConfiguration: { inputMode: 'text', length: 8, description: 'Zoë 😀' },
    },
    {
      credentials: [CONFIGURATION_ID],
      expiresIn: { minutes: 1, seconds: 30 },
      claims: { given_name: 'A' },
      claimsToPersist: ['given_name'],
    },
    { credentials: [CONFIGURATION_ID], request_parameters: { login_hint: 'a+b c' } },
  );
  return fc
    .tuple(
      valid,
      fc.option(
        fc.tuple(
          fc.constantFrom(
            'credentials',
            'transactionCodeConfiguration',
            'expiresIn',
            'claims',
            'userId',
            'request_parameters',
          ),
          anyJson,
        ),
        { freq: 2 },
      ),
      fc.option(fc.constantFrom(...targets.offerIds)),
    )
    .map(([body, change, userId]) => {
      const out: Record<string, unknown> = { ...body };
      if (userId !== null) out.userId = userId;
      if (change !== null) out[change[0]] = change[1];
      return JSON.stringify(out);
    });
}

function jsonBody(targets: FuzzTargets): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: nearlyValid(targets) },
    { weight: 4, arbitrary: preAuthorizedShape(targets).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 2, arbitrary: pollutingJson },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );
}

function managementPost(path: string, targets: FuzzTargets): fc.Arbitrary<Call> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant('POST') },
        fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE'),
      ),
      authorization,
      contentType: jsonContentType,
      extra: extraHeaders,
      body: jsonBody(targets),
    })
    .map(({ method, authorization: auth, contentType, extra, body }) => ({
      method,
      path,
      headers: {
        ...extra,
        ...(auth === undefined ? {} : { authorization: auth }),
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      },
      body,
    }));
}

function pathSegment(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    fc.constantFrom(...known).map((s) => s.toUpperCase()),
    fc.uuid(),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      '%00',
      '%zz',
      '..%2F..%2Fetc',
      '%E0%A4%A',
      'A'.repeat(1000),
    ),
    tricky.filter((s) => s.length > 0).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
  );
}

function idRoute(method: 'GET' | 'DELETE', targets: FuzzTargets): fc.Arbitrary<Call> {
  return fc
    .record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(method) }, fc.constantFrom('POST', 'PUT', 'HEAD')),
      id: pathSegment(targets.offerIds),
      authorization,
      extra: extraHeaders,
      body: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, jsonBody(targets)),
    })
    .map(({ method: m, id, authorization: auth, extra, body }) => ({
      method: m,
      path: `/v1/openid/offers/pre-authorized/${id}`,
      headers: { ...extra, ...(auth === undefined ? {} : { authorization: auth }) },
      ...(body === undefined ? {} : { body }),
    }));
}

function credentialOfferRoute(targets: FuzzTargets): fc.Arbitrary<Call> {
  return fc
    .record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant('GET') }, fc.constantFrom('POST', 'DELETE')),
      reference: pathSegment(targets.references.length > 0 ? targets.references : targets.codes),
      extra: extraHeaders,
    })
    .map(({ method, reference, extra }) => ({
      method,
      path: `/credential-offer/${reference}`,
      headers: extra,
    }));
}

const formKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('grant_type', 'pre-authorized_code', 'tx_code', 'user_pin') },
  fc.constantFrom(
    'tx_code[]',
    'tx_code[a]',
    'pre-authorized_code[x]',
    '__proto__',
    'constructor',
    'resource',
    'client_id',
  ),
  tricky,
);

function formValue(targets: FuzzTargets): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('urn:ietf:params:oauth:grant-type:pre-authorized_code') },
    { weight: 3, arbitrary: fc.constantFrom(...targets.codes) },
    { weight: 2, arbitrary: fc.constantFrom(...targets.txCodes) },
    fc.constantFrom(
      '١٢٣٤٥٦',
      '１２３４５６',
      ' 123456',
      '12345',
      '1234567',
      'authorization_code',
      'A'.repeat(600),
    ),
    tricky,
  );
}

function tokenRoute(targets: FuzzTargets): fc.Arbitrary<Call> {
  const pairs = fc.oneof(
    fc.array(fc.tuple(formKey, formValue(targets)), { maxLength: 6 }),
    // A well-formed redemption of a planted offer, with or without its tx code, sometimes with extra pairs.
    fc
      .tuple(
        fc.nat({ max: targets.codes.length - 1 }),
        fc.boolean(),
        fc.array(fc.tuple(formKey, formValue(targets)), { maxLength: 2 }),
      )
      .map(
        ([i, withTx, extra]): Array<[string, string]> => [
          ['grant_type', 'urn:ietf:params:oauth:grant-type:pre-authorized_code'],
          ['pre-authorized_code', targets.codes[i] ?? ''],
          ...(withTx ? [['tx_code', targets.txCodes[i] ?? '000000'] as [string, string]] : []),
          ...extra,
        ],
      ),
  );
  return fc
    .record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST') }, fc.constantFrom('GET', 'PUT')),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') },
        jsonContentType,
      ),
      extra: extraHeaders,
      body: fc.oneof(
        { weight: 6, arbitrary: pairs.map((p) => new URLSearchParams(p).toString()) },
        pairs.map((p) => p.map(([k, v]) => `${k}=${v}`).join('&')),
        jsonBody(targets),
      ),
    })
    .map(({ method, contentType, extra, body }) => ({
      method,
      path: '/token',
      headers: { ...extra, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
      body,
    }));
}

/** One arbitrary per route (and method) of DESIGN §6. */
export function routeArbitraries(targets: FuzzTargets): Record<string, fc.Arbitrary<Call>> {
  // DELETE last: it revokes planted offers the other routes need alive.
  return {
    'POST /v1/openid/offers': managementPost('/v1/openid/offers', targets),
    'POST /v1/openid/offers/pre-authorized': managementPost('/v1/openid/offers/pre-authorized', targets),
    'GET /v1/openid/offers/pre-authorized/{id}': idRoute('GET', targets),
    'GET /credential-offer/{ref}': credentialOfferRoute(targets),
    'POST /token': tokenRoute(targets),
    'DELETE /v1/openid/offers/pre-authorized/{id}': idRoute('DELETE', targets),
  };
}
