import type { BadInputRow } from './bad-input-row.js';
import { PRE_AUTH } from './http-fixture.js';

const INVALID_REQUEST = { status: 400, oauth: 'invalid_request' } as const;
const INVALID_GRANT = { status: 400, oauth: 'invalid_grant' } as const;
const RANDOM_CODE = 'Q2hhbmdlIHRoaXMgY29kZSB0byBzb21ldGhpbmcgZWxz';

function formRow(
  name: string,
  form: string | ((code: string) => string),
  expect: BadInputRow['expect'],
  storeCalls: BadInputRow['storeCalls'] = 'none',
  extra: Partial<BadInputRow> = {},
): BadInputRow {
  return {
    name: `POST /token: ${name}`,
    send: (f, witness) => f.postToken(typeof form === 'string' ? form : form(witness.code)),
    expect,
    storeCalls,
    ...extra,
  };
}

const grant = `grant_type=${encodeURIComponent(PRE_AUTH)}`;

/** test-matrix B3: token requests that must change nothing. */
export const tokenBadInputRows: BadInputRow[] = [
  formRow(
    'grant_type missing → invalid_request',
    (code) => `pre-authorized_code=${code}&tx_code=123456`,
    INVALID_REQUEST,
  ),
  formRow(
    'grant_type empty → invalid_request',
    (code) => `grant_type=&pre-authorized_code=${code}`,
    INVALID_REQUEST,
  ),
  formRow(
    'grant_type authorization_code → unsupported_grant_type',
    (code) => `grant_type=authorization_code&code=${code}`,
    {
      status: 400,
      oauth: 'unsupported_grant_type',
    },
  ),
  formRow('grant_type client_credentials → unsupported_grant_type', 'grant_type=client_credentials', {
    status: 400,
    oauth: 'unsupported_grant_type',
  }),
  formRow('pre-authorized_code missing → invalid_request', `${grant}&tx_code=123456`, INVALID_REQUEST),
  formRow(
    'pre-authorized_code empty → invalid_request',
    `${grant}&pre-authorized_code=&tx_code=123456`,
    INVALID_REQUEST,
  ),
  formRow(
    'random 43-character code → invalid_grant',
    `${grant}&pre-authorized_code=${RANDOM_CODE}`,
    INVALID_GRANT,
    'reads',
  ),
  formRow(
    '10 KB code → invalid_grant, no store call',
    `${grant}&pre-authorized_code=${'A'.repeat(10_000)}`,
    INVALID_GRANT,
  ),
  formRow(
    'code with non-base64url characters → invalid_grant, no store call',
    `${grant}&pre-authorized_code=${encodeURIComponent('stukD6lg9c9tQ3jUCa32wVi1HI+QIVsFK/QPvC2CHRs=')}`,
    INVALID_GRANT,
  ),
  formRow(
    'tx_code repeated → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&tx_code=1&tx_code=2`,
    INVALID_REQUEST,
  ),
  formRow(
    'grant_type repeated → invalid_request',
    (code) => `${grant}&${grant}&pre-authorized_code=${code}`,
    INVALID_REQUEST,
  ),
  formRow(
    'pre-authorized_code repeated → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&pre-authorized_code=${code}`,
    INVALID_REQUEST,
  ),
  formRow(
    'tx_code[]=1 → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&tx_code[]=1`,
    INVALID_REQUEST,
  ),
  formRow(
    'tx_code%5B%5D=1 → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&tx_code%5B%5D=1`,
    INVALID_REQUEST,
  ),
  formRow(
    'tx_code[a]=1 → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&tx_code[a]=1`,
    INVALID_REQUEST,
  ),
  formRow(
    'pre-authorized_code[x]=… → invalid_request',
    (code) => `${grant}&pre-authorized_code[x]=${code}`,
    INVALID_REQUEST,
  ),
  formRow(
    'malformed percent-encoding → invalid_request',
    `${grant}&pre-authorized_code=${RANDOM_CODE}&tx_code=%E0%A4%A`,
    INVALID_REQUEST,
    'none',
    { hostParserOwns: true },
  ),
  formRow(
    'tx_code and user_pin disagree → invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&tx_code=123456&user_pin=654321`,
    INVALID_REQUEST,
  ),
  formRow(
    'tx_code required but absent → invalid_request, no attempt spent',
    (code) => `${grant}&pre-authorized_code=${code}`,
    INVALID_REQUEST,
    'reads',
  ),
  {
    name: 'POST /token: JSON body → invalid_request',
    send: (f, witness) =>
      f.request('/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: PRE_AUTH,
          'pre-authorized_code': witness.code,
          tx_code: '123456',
        }),
      }),
    expect: INVALID_REQUEST,
    storeCalls: 'none',
  },
  {
    name: 'POST /token: multipart body → invalid_request',
    send: (f, witness) => {
      const form = new FormData();
      form.set('grant_type', PRE_AUTH);
      form.set('pre-authorized_code', witness.code);
      return f.request('/token', { method: 'POST', body: form });
    },
    expect: INVALID_REQUEST,
    storeCalls: 'none',
  },
  {
    name: 'POST /token: no Content-Type → invalid_request',
    send: (f, witness) =>
      f.request('/token', {
        method: 'POST',
        body: new TextEncoder().encode(`${grant}&pre-authorized_code=${witness.code}`),
      }),
    expect: INVALID_REQUEST,
    storeCalls: 'none',
  },
  {
    name: 'POST /token: Content-Encoding: gzip → invalid_request',
    send: (f, witness) =>
      f.postToken(`${grant}&pre-authorized_code=${witness.code}`, { 'content-encoding': 'gzip' }),
    expect: INVALID_REQUEST,
    storeCalls: 'none',
    hostParserOwns: true,
  },
  formRow(
    'body over the 32 KiB limit → 413 invalid_request',
    (code) => `${grant}&pre-authorized_code=${code}&pad=${'x'.repeat(32 * 1024)}`,
    {
      status: 413,
      oauth: 'invalid_request',
    },
    'none',
    { hostParserOwns: true },
  ),
  {
    name: 'POST /token: invalid UTF-8 → invalid_request',
    send: (f) =>
      f.request('/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new Uint8Array([0x61, 0x3d, 0xff, 0xfe]),
      }),
    expect: INVALID_REQUEST,
    storeCalls: 'none',
    hostParserOwns: true,
  },
  {
    name: 'GET /token → 405 with Allow',
    send: (f) => f.request('/token'),
    expect: { status: 405, oauth: 'invalid_request', allow: 'POST' },
    storeCalls: 'none',
  },
  {
    name: 'GET /credential-offer/{ref}: unknown reference → 404',
    send: (f) => f.request(`/credential-offer/${RANDOM_CODE}`),
    expect: { status: 404, oauth: 'invalid_request' },
    storeCalls: 'reads',
  },
  {
    name: 'GET /credential-offer/{ref}: malformed reference → 404, no store call',
    send: (f) => f.request(`/credential-offer/${encodeURIComponent("' OR 1=1 --")}`),
    expect: { status: 404, oauth: 'invalid_request' },
    storeCalls: 'none',
  },
  {
    name: 'GET /credential-offer/{ref}: the pre-authorized code used as a reference → 404',
    send: (f, witness) => f.request(`/credential-offer/${witness.code}`),
    expect: { status: 404, oauth: 'invalid_request' },
    storeCalls: 'reads',
  },
  {
    name: 'POST /credential-offer/{ref} → 405 with Allow',
    send: (f) => f.request(`/credential-offer/${RANDOM_CODE}`, { method: 'POST' }),
    expect: { status: 405, oauth: 'invalid_request', allow: 'GET' },
    storeCalls: 'none',
  },
];
