import type { BadInputRow } from './bad-input-row.js';
import { CONFORMANCE_TOKEN, DEGREE, MDL, NFC_ID } from './http-fixture.js';
import { sendRawHttpRequest } from './send-raw-http-request.js';

const PRE = '/v1/openid/offers/pre-authorized';
const AUTH_CODE = '/v1/openid/offers';
const BEARER = `Bearer ${CONFORMANCE_TOKEN}`;
const UNAUTHORIZED = { status: 401, envelope: 'Unauthorized' } as const;
const BARE_401 = { ...UNAUTHORIZED, wwwAuthenticate: 'Bearer' } as const;
const INVALID_TOKEN = { ...UNAUTHORIZED, wwwAuthenticate: 'Bearer error="invalid_token"' } as const;
const BAD_REQUEST = { status: 400, envelope: 'BadRequest' } as const;
const UNSUPPORTED = { status: 415, envelope: 'UnsupportedMediaType' } as const;
const TOO_LARGE = { status: 413, envelope: 'PayloadTooLarge' } as const;

function authRow(
  name: string,
  headers: Record<string, string>,
  expect: BadInputRow['expect'],
  path = PRE,
): BadInputRow {
  return {
    name: `${path === PRE ? 'pre-authorized' : 'authorization-code'}: ${name}`,
    send: (f) => f.postJson(path, { credentials: [MDL] }, headers),
    expect,
    storeCalls: 'none',
  };
}

function bodyRow(
  name: string,
  body: string | Uint8Array,
  expect: BadInputRow['expect'],
  extra: Partial<BadInputRow> = {},
  path = PRE,
): BadInputRow {
  return {
    name: `${path === PRE ? 'pre-authorized' : 'authorization-code'}: ${name}`,
    send: (f) =>
      f.request(path, {
        method: 'POST',
        headers: { authorization: BEARER, 'content-type': 'application/json' },
        body,
      }),
    expect,
    storeCalls: 'none',
    ...extra,
  };
}

function jsonRow(name: string, json: unknown, path = PRE): BadInputRow {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  // Some host JSON parsers (co-body in @koa/bodyparser) refuse "__proto__" themselves, before OfferKit runs.
  return bodyRow(name, text, BAD_REQUEST, { hostParserOwns: text.includes('"__proto__"') }, path);
}

function mediaRow(name: string, headers: Record<string, string>, path = PRE): BadInputRow {
  return {
    name: `${path === PRE ? 'pre-authorized' : 'authorization-code'}: ${name}`,
    send: (f) =>
      f.request(path, {
        method: 'POST',
        headers: { authorization: BEARER, ...headers },
        body: new TextEncoder().encode(JSON.stringify({ credentials: [MDL] })),
      }),
    expect: UNSUPPORTED,
    storeCalls: 'none',
    hostParserOwns: headers['content-type']?.includes('latin1') === true || 'content-encoding' in headers,
  };
}

const nested = (depth: number) =>
  `{"credentials":["${MDL}"],"claims":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

/** test-matrix B1: bad inputs on the two create routes, each its own case. */
export const managementBadInputRows: BadInputRow[] = [
  authRow('no Authorization header → 401, bare WWW-Authenticate: Bearer', { authorization: '' }, BARE_401),
  authRow('Bearer with an empty token → 401 invalid_token', { authorization: 'Bearer' }, INVALID_TOKEN),
  authRow(
    'Bearer with two spaces → 401 invalid_token',
    { authorization: `Bearer  ${CONFORMANCE_TOKEN}` },
    INVALID_TOKEN,
  ),
  authRow(
    'Basic credentials → 401, bare WWW-Authenticate: Bearer',
    { authorization: 'Basic dXNlcjpwYXNz' },
    BARE_401,
  ),
  authRow('wrong token → 401 invalid_token', { authorization: `Bearer ${'x'.repeat(48)}` }, INVALID_TOKEN),
  authRow(
    'right token minus its last character → 401 invalid_token',
    { authorization: BEARER.slice(0, -1) },
    INVALID_TOKEN,
  ),
  authRow(
    'right token plus one character → 401 invalid_token',
    { authorization: `${BEARER}x` },
    INVALID_TOKEN,
  ),
  authRow(
    'right token with a different first character → 401 invalid_token',
    { authorization: `Bearer X${CONFORMANCE_TOKEN.slice(1)}` },
    INVALID_TOKEN,
  ),
  authRow(
    'right token followed by another word → 401 invalid_token',
    { authorization: `${BEARER} extra` },
    INVALID_TOKEN,
  ),
  authRow('no Authorization header → 401', { authorization: '' }, BARE_401, AUTH_CODE),
  authRow(
    'wrong token → 401 invalid_token',
    { authorization: `Bearer ${'y'.repeat(40)}` },
    INVALID_TOKEN,
    AUTH_CODE,
  ),
  {
    name: 'pre-authorized: token only in ?access_token= is ignored → 401, bare WWW-Authenticate: Bearer',
    send: (f) =>
      f.request(`${PRE}?access_token=${CONFORMANCE_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: [MDL] }),
      }),
    expect: BARE_401,
    storeCalls: 'none',
  },
  {
    name: 'pre-authorized: two Authorization headers → 400 BadRequest',
    send: (f) => {
      const url = new URL(`${f.baseUrl}${PRE}`);
      const body = new TextEncoder().encode(JSON.stringify({ credentials: [MDL] }));
      return sendRawHttpRequest(
        f.baseUrl,
        `POST ${url.pathname} HTTP/1.1\nHost: ${url.host}\nAuthorization: ${BEARER}\nAuthorization: ${BEARER}\n` +
          `Content-Type: application/json\nContent-Length: ${body.length}\nConnection: close\n\n`,
        body,
      );
    },
    expect: { ...BAD_REQUEST, wwwAuthenticate: 'Bearer error="invalid_request"' },
    storeCalls: 'none',
  },
  mediaRow('Content-Type missing → 415', {}),
  mediaRow('Content-Type text/plain → 415', { 'content-type': 'text/plain' }),
  mediaRow('Content-Type application/x-www-form-urlencoded → 415', {
    'content-type': 'application/x-www-form-urlencoded',
  }),
  mediaRow('Content-Type application/json; charset=latin1 → 415', {
    'content-type': 'application/json; charset=latin1',
  }),
  mediaRow('Content-Type application/jsonp → 415', { 'content-type': 'application/jsonp' }),
  mediaRow('Content-Type text/plain → 415', { 'content-type': 'text/plain' }, AUTH_CODE),
  mediaRow('Content-Encoding: gzip → 415', {
    'content-type': 'application/json',
    'content-encoding': 'gzip',
  }),
  bodyRow('empty body → 400', '', BAD_REQUEST, { hostParserOwns: true }),
  bodyRow('body null → 400', 'null', BAD_REQUEST, { hostParserOwns: true }),
  bodyRow('body [] → 400', '[]', BAD_REQUEST),
  bodyRow('body "str" → 400', '"str"', BAD_REQUEST, { hostParserOwns: true }),
  bodyRow('body 123 → 400', '123', BAD_REQUEST, { hostParserOwns: true }),
  bodyRow('trailing garbage {}x → 400', '{}x', BAD_REQUEST, { hostParserOwns: true }),
  bodyRow(
    'trailing garbage → 400',
    `{"credentials":["${MDL}"]}x`,
    BAD_REQUEST,
    { hostParserOwns: true },
    AUTH_CODE,
  ),
  bodyRow('BOM + {} → 400', `\uFEFF{"credentials":["${MDL}"]}`, BAD_REQUEST, { hostParserOwns: true }),
  bodyRow(
    'invalid UTF-8 → 400',
    new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    BAD_REQUEST,
    {
      hostParserOwns: true,
    },
  ),
  bodyRow(
    'one byte over the 32 KiB limit → 413',
    `{"credentials":["${MDL}"]}`.padEnd(32 * 1024 + 1, ' '),
    TOO_LARGE,
    {
      hostParserOwns: true,
    },
  ),
  bodyRow('1 MiB body → 413', `{"credentials":["${MDL}"]}`.padEnd(1024 * 1024, ' '), TOO_LARGE, {
    hostParserOwns: true,
  }),
  {
    name: 'pre-authorized: chunked body past the limit → 413',
    send: (f) => {
      const chunk = new TextEncoder().encode(' '.repeat(8 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"credentials":["${MDL}"]}`));
          if (sent >= 6) controller.close();
          else controller.enqueue(chunk);
          sent++;
        },
      });
      return f.request(PRE, {
        method: 'POST',
        headers: { authorization: BEARER, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
    },
    expect: TOO_LARGE,
    storeCalls: 'none',
    hostParserOwns: true,
  },
  {
    name: 'pre-authorized: Content-Length larger than the body sent → 400 or connection closed',
    send: (f) => {
      const url = new URL(`${f.baseUrl}${PRE}`);
      return sendRawHttpRequest(
        f.baseUrl,
        `POST ${url.pathname} HTTP/1.1\nHost: ${url.host}\nAuthorization: ${BEARER}\n` +
          'Content-Type: application/json\nContent-Length: 100\nConnection: close\n\n',
        new TextEncoder().encode('{"credentials":'),
        { halfClose: true },
      );
    },
    expect: BAD_REQUEST,
    storeCalls: 'none',
    mayClose: true,
    hostParserOwns: true,
  },
  jsonRow('JSON nested 10⁴ levels deep → 400', nested(10_000)),
  jsonRow('JSON nested 33 levels deep → 400', nested(32)),
  jsonRow('{"__proto__":{"x":1}} → 400', '{"__proto__":{"x":1}}'),
  jsonRow('{"constructor":{"prototype":{"x":1}}} → 400', '{"constructor":{"prototype":{"x":1}}}'),
  jsonRow(
    '__proto__ inside claims → 400',
    `{"credentials":["${MDL}"],"claims":{"__proto__":{"polluted":1}}}`,
  ),
  jsonRow(
    'constructor.prototype inside claims → 400',
    `{"credentials":["${MDL}"],"claims":{"a":{"constructor":{"prototype":{"isAdmin":true}}}}}`,
  ),
  jsonRow('{"__proto__":{"x":1}} → 400', '{"__proto__":{"x":1}}', AUTH_CODE),
  jsonRow(
    '__proto__ inside request_parameters → 400',
    `{"credentials":["${MDL}"],"request_parameters":{"__proto__":{"x":1}}}`,
    AUTH_CODE,
  ),
  jsonRow(
    'duplicate keys, last expiresIn out of range → 400',
    `{"credentials":["${MDL}"],"expiresIn":{"seconds":60},"expiresIn":{"seconds":6000}}`,
  ),
  jsonRow('unknown top-level field expires_in → 400', { credentials: [MDL], expires_in: 60 }),
  jsonRow(
    'unknown top-level field → 400',
    { credentials: [DEGREE], credentialConfigurationIds: [DEGREE] },
    AUTH_CODE,
  ),
  jsonRow('credentials missing → 400', {}),
  jsonRow('credentials null → 400', { credentials: null }),
  jsonRow('credentials a string → 400', { credentials: MDL }),
  jsonRow('credentials an object → 400', { credentials: { 0: MDL } }),
  jsonRow('credentials a number → 400', { credentials: 1 }),
  jsonRow('credentials [] → 400', { credentials: [] }),
  jsonRow('credentials [] → 400', { credentials: [] }, AUTH_CODE),
  jsonRow('credentials duplicates → 400', { credentials: [MDL, MDL] }),
  jsonRow('credentials duplicates → 400', { credentials: [DEGREE, DEGREE] }, AUTH_CODE),
  jsonRow('credentials element 1 → 400', { credentials: [1] }),
  jsonRow('credentials element null → 400', { credentials: [null] }),
  jsonRow('credentials element {} → 400', { credentials: [{}] }),
  jsonRow('credentials element "" → 400', { credentials: [''] }),
  jsonRow('credentials element of 10 KB → 400', { credentials: ['m'.repeat(10_000)] }),
  jsonRow('unknown credential id → 400', { credentials: ['mdl'] }),
  jsonRow('unknown credential id → 400', { credentials: ['nope'] }, AUTH_CODE),
  jsonRow('case variant of a known id → 400', { credentials: [MDL.toUpperCase()] }),
  jsonRow('known id with a leading space → 400', { credentials: [` ${MDL}`] }),
  jsonRow('NFD form of an NFC id → 400', { credentials: [NFC_ID.normalize('NFD')] }),
  jsonRow('known id plus NUL → 400', { credentials: [`${MDL}\u0000`] }),
  jsonRow('lone surrogate → 400', `{"credentials":["\\ud800"]}`),
  jsonRow('right-to-left override → 400', { credentials: ['\u202e'] }),
  jsonRow('4-byte emoji → 400', { credentials: ['\u{1F600}'] }),
  jsonRow('65 credential ids → 400', { credentials: Array.from({ length: 65 }, (_, i) => `id-${i}`) }),
  jsonRow('16 000 entries under the body limit → 400', `{"credentials":[${'0,'.repeat(15_999)}0]}`),
  jsonRow('dc+sd-jwt configuration on the pre-authorized route → 400', { credentials: [DEGREE] }),
  ...[0, -1, 601, 300.5, '300', true, null].map((seconds) =>
    jsonRow(`expiresIn.seconds = ${JSON.stringify(seconds)} → 400`, {
      credentials: [MDL],
      expiresIn: { seconds },
    }),
  ),
  jsonRow(
    'expiresIn.seconds = 2⁵³+1 → 400',
    `{"credentials":["${MDL}"],"expiresIn":{"seconds":9007199254740993}}`,
  ),
  jsonRow('expiresIn.seconds = -0 → 400', `{"credentials":["${MDL}"],"expiresIn":{"seconds":-0}}`),
  jsonRow(
    'expiresIn.seconds = 1e309 (Infinity) → 400',
    `{"credentials":["${MDL}"],"expiresIn":{"seconds":1e309}}`,
  ),
  jsonRow('expiresIn = 300 (a number, not an object) → 400', { credentials: [MDL], expiresIn: 300 }),
  jsonRow('expiresIn {} → 400', { credentials: [MDL], expiresIn: {} }),
  jsonRow('expiresIn 11 minutes → 400', { credentials: [MDL], expiresIn: { minutes: 11 } }),
  jsonRow(
    'transactionCodeConfiguration on an authorization-code offer → 400',
    { credentials: [DEGREE], transactionCodeConfiguration: {} },
    AUTH_CODE,
  ),
  jsonRow('tx code length 5 → 400', { credentials: [MDL], transactionCodeConfiguration: { length: 5 } }),
  jsonRow('tx code length 11 → 400', { credentials: [MDL], transactionCodeConfiguration: { length: 11 } }),
  jsonRow('tx code inputMode "alpha" → 400', {
    credentials: [MDL],
    transactionCodeConfiguration: { inputMode: 'alpha' },
  }),
  jsonRow('tx code input_mode (snake case) → 400', {
    credentials: [MDL],
    transactionCodeConfiguration: { input_mode: 'numeric' },
  }),
  jsonRow('tx code description of 301 code points → 400', {
    credentials: [MDL],
    transactionCodeConfiguration: { description: '\u{1F600}'.repeat(301) },
  }),
  jsonRow('tx code description with NUL → 400', {
    credentials: [MDL],
    transactionCodeConfiguration: { description: 'a\u0000b' },
  }),
  jsonRow('caller-supplied pre-authorized_code → 400', {
    credentials: [MDL],
    'pre-authorized_code': 'A'.repeat(43),
  }),
  jsonRow('caller-supplied issuer_state → 400', { credentials: [DEGREE], issuer_state: 'x' }, AUTH_CODE),
  jsonRow('userId not a uuid → 400', { credentials: [MDL], userId: "' OR 1=1 --" }),
  jsonRow('claimsToPersist naming a missing claim → 400', {
    credentials: [MDL],
    claims: { a: 1 },
    claimsToPersist: ['b'],
  }),
  jsonRow('claims an array → 400', { credentials: [MDL], claims: [1] }),
  {
    name: 'pre-authorized: unknown userId → 404 NotFound',
    send: (f) => f.postJson(PRE, { credentials: [MDL], userId: '6a1d3f0e-4c4b-4d1e-9a55-0d8c1f1b2a3c' }),
    expect: { status: 404, envelope: 'NotFound' },
    storeCalls: 'reads',
  },
];
