import type { BadInputRow } from './bad-input-row.js';
import { CONFORMANCE_TOKEN } from './http-fixture.js';

const BY_ID = '/v1/openid/offers/pre-authorized/';
const BEARER = { authorization: `Bearer ${CONFORMANCE_TOKEN}` };

function idRow(method: 'DELETE' | 'GET', label: string, rawId: string): BadInputRow {
  return {
    name: `${method} by id: ${label} → 400`,
    send: (f) => f.request(`${BY_ID}${rawId}`, { method, headers: BEARER }),
    expect: { status: 400, envelope: 'BadRequest' },
    storeCalls: 'none',
  };
}

/** test-matrix B2: bad inputs on `DELETE` (and `GET`) `/v1/openid/offers/pre-authorized/{id}`. */
export const deleteBadInputRows: BadInputRow[] = [
  ...(['DELETE', 'GET'] as const).flatMap((method) => [
    idRow(method, 'abc', 'abc'),
    idRow(method, '..%2Fx', '..%2Fx'),
    idRow(method, '%00', '%00'),
    idRow(method, 'a 1000-character id', 'a'.repeat(1000)),
    idRow(method, '{uuid} in braces', encodeURIComponent('{6a1d3f0e-4c4b-4d1e-9a55-0d8c1f1b2a3c}')),
    idRow(method, "' OR 1=1 --", encodeURIComponent("' OR 1=1 --")),
    idRow(method, 'malformed percent-encoding %E0%A4%A', '%E0%A4%A'),
    idRow(method, 'uuid followed by /x', '6a1d3f0e-4c4b-4d1e-9a55-0d8c1f1b2a3c/x'),
  ]),
  {
    name: 'DELETE by id: nil uuid → 404 NotFound',
    send: (f) =>
      f.request(`${BY_ID}00000000-0000-0000-0000-000000000000`, { method: 'DELETE', headers: BEARER }),
    expect: { status: 404, envelope: 'NotFound' },
    storeCalls: 'guarded',
  },
  {
    name: 'GET by id: unknown uuid → 404 NotFound',
    send: (f) => f.request(`${BY_ID}6a1d3f0e-4c4b-4d1e-9a55-0d8c1f1b2a3c`, { headers: BEARER }),
    expect: { status: 404, envelope: 'NotFound' },
    storeCalls: 'reads',
  },
  {
    name: 'DELETE by id: missing bearer → 401 and the offer stays live',
    send: (f, witness) => f.request(`${BY_ID}${witness.result.id}`, { method: 'DELETE' }),
    expect: { status: 401, envelope: 'Unauthorized', wwwAuthenticate: 'Bearer' },
    storeCalls: 'none',
  },
  {
    name: 'DELETE by id: wrong bearer → 401 invalid_token and the offer stays live',
    send: (f, witness) =>
      f.request(`${BY_ID}${witness.result.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${'z'.repeat(40)}` },
      }),
    expect: { status: 401, envelope: 'Unauthorized', wwwAuthenticate: 'Bearer error="invalid_token"' },
    storeCalls: 'none',
  },
  {
    name: 'GET by id: token in ?access_token= only → 401',
    send: (f, witness) => f.request(`${BY_ID}${witness.result.id}?access_token=${CONFORMANCE_TOKEN}`),
    expect: { status: 401, envelope: 'Unauthorized', wwwAuthenticate: 'Bearer' },
    storeCalls: 'none',
  },
  {
    name: 'PUT on the by-id route → 405 with Allow',
    send: (f, witness) => f.request(`${BY_ID}${witness.result.id}`, { method: 'PUT', headers: BEARER }),
    expect: { status: 405, envelope: 'MethodNotAllowed', allow: 'GET, DELETE' },
    storeCalls: 'none',
  },
  {
    name: 'PATCH on the by-id route → 405 with Allow',
    send: (f, witness) => f.request(`${BY_ID}${witness.result.id}`, { method: 'PATCH', headers: BEARER }),
    expect: { status: 405, envelope: 'MethodNotAllowed', allow: 'GET, DELETE' },
    storeCalls: 'none',
  },
  {
    name: 'GET on POST /v1/openid/offers/pre-authorized → 405 with Allow',
    send: (f) => f.request('/v1/openid/offers/pre-authorized', { headers: BEARER }),
    expect: { status: 405, envelope: 'MethodNotAllowed', allow: 'POST' },
    storeCalls: 'none',
  },
  {
    name: 'DELETE on POST /v1/openid/offers → 405 with Allow',
    send: (f) => f.request('/v1/openid/offers', { method: 'DELETE', headers: BEARER }),
    expect: { status: 405, envelope: 'MethodNotAllowed', allow: 'POST' },
    storeCalls: 'none',
  },
];
