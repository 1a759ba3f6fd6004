import { createOfferIssuer, isOfferKitError, OfferKitError } from '@offerkit/core';
import { describe, expect, it } from 'vitest';
import { CONFIGURATIONS, createTestIssuer } from './support/create-test-issuer.js';
import { createInTestStores } from './support/in-test-stores.js';

const mdl = 'org.iso.18013.5.1.mDL';

async function expectRejected(
  promise: Promise<unknown>,
  expected: { code: string; status: number; param: string },
): Promise<void> {
  try {
    await promise;
    expect.unreachable('expected a rejection');
  } catch (error) {
    expect(isOfferKitError(error)).toBe(true);
    const e = error as OfferKitError;
    expect(e.code).toBe(expected.code);
    expect(e.status).toBe(expected.status);
    expect(e.details.length).toBeGreaterThan(0);
    for (const detail of e.details) {
      expect(Object.keys(detail).sort()).toEqual(expect.arrayContaining(['location', 'msg', 'param']));
      expect(['body', 'params']).toContain(detail.location);
    }
    expect(e.details.some((d) => d.param.startsWith(expected.param))).toBe(true);
  }
}

describe('pre-authorized offer validation (MATTR details, nothing written)', () => {
  const cases: [string, unknown, { code: string; status: number; param: string }][] = [
    ['empty credentials', { credentials: [] }, { code: 'invalid_input', status: 400, param: 'credentials' }],
    ['missing credentials', {}, { code: 'invalid_input', status: 400, param: 'credentials' }],
    [
      'credentials not an array',
      { credentials: mdl },
      { code: 'invalid_input', status: 400, param: 'credentials' },
    ],
    [
      'duplicate credentials',
      { credentials: [mdl, mdl] },
      { code: 'invalid_input', status: 400, param: 'credentials' },
    ],
    [
      'non-string element',
      { credentials: [1] },
      { code: 'invalid_input', status: 400, param: 'credentials[0]' },
    ],
    [
      'empty string element',
      { credentials: [''] },
      { code: 'invalid_input', status: 400, param: 'credentials[0]' },
    ],
    [
      'unknown credential',
      { credentials: ['nope'] },
      { code: 'unknown_credential_configuration', status: 400, param: 'credentials[0]' },
    ],
    [
      'case variant',
      { credentials: ['ORG.ISO.18013.5.1.MDL'] },
      { code: 'unknown_credential_configuration', status: 400, param: 'credentials' },
    ],
    [
      'prototype key as id',
      { credentials: ['__proto__'] },
      { code: 'unknown_credential_configuration', status: 400, param: 'credentials' },
    ],
    [
      'toString as id',
      { credentials: ['toString'] },
      { code: 'unknown_credential_configuration', status: 400, param: 'credentials' },
    ],
    [
      'non-mso_mdoc credential',
      { credentials: ['UniversityDegree'] },
      { code: 'unsupported_credential_format', status: 400, param: 'credentials[0]' },
    ],
    [
      'oversize array',
      { credentials: Array.from({ length: 65 }, (_, i) => `id-${i}`) },
      { code: 'invalid_input', status: 400, param: 'credentials' },
    ],
    [
      'unknown userId',
      { credentials: [mdl], userId: '3f0c4d2e-8a8b-4c1e-9d57-7c1f0d6c2b11' },
      { code: 'not_found', status: 404, param: 'userId' },
    ],
    [
      'userId not a uuid',
      { credentials: [mdl], userId: 'alice' },
      { code: 'invalid_input', status: 400, param: 'userId' },
    ],
    [
      'claimsToPersist without claims',
      { credentials: [mdl], claimsToPersist: ['name'] },
      { code: 'invalid_input', status: 400, param: 'claimsToPersist' },
    ],
    [
      'claimsToPersist key missing from claims',
      { credentials: [mdl], claims: { a: 1 }, claimsToPersist: ['b'] },
      { code: 'invalid_input', status: 400, param: 'claimsToPersist' },
    ],
    [
      'claims not an object',
      { credentials: [mdl], claims: [1, 2] },
      { code: 'invalid_input', status: 400, param: 'claims' },
    ],
    [
      'claims over 16 KiB',
      { credentials: [mdl], claims: { big: 'x'.repeat(17_000) } },
      { code: 'invalid_input', status: 400, param: 'claims' },
    ],
    [
      'description over 300 characters',
      { credentials: [mdl], transactionCodeConfiguration: { description: 'é'.repeat(301) } },
      { code: 'invalid_input', status: 400, param: 'transactionCodeConfiguration.description' },
    ],
    [
      'description with NUL',
      { credentials: [mdl], transactionCodeConfiguration: { description: 'a\u0000b' } },
      { code: 'invalid_input', status: 400, param: 'transactionCodeConfiguration.description' },
    ],
    [
      'tx code too short',
      { credentials: [mdl], transactionCodeConfiguration: { length: 5 } },
      { code: 'invalid_input', status: 400, param: 'transactionCodeConfiguration.length' },
    ],
    [
      'tx code too long',
      { credentials: [mdl], transactionCodeConfiguration: { length: 11 } },
      { code: 'invalid_input', status: 400, param: 'transactionCodeConfiguration.length' },
    ],
    [
      'tx code bad input mode',
      { credentials: [mdl], transactionCodeConfiguration: { inputMode: 'emoji' } },
      { code: 'invalid_input', status: 400, param: 'transactionCodeConfiguration.inputMode' },
    ],
    [
      'unknown top-level field',
      { credentials: [mdl], expires_in: 60 },
      { code: 'invalid_input', status: 400, param: 'expires_in' },
    ],
    [
      'caller-supplied code',
      { credentials: [mdl], 'pre-authorized_code': 'x' },
      { code: 'invalid_input', status: 400, param: 'pre-authorized_code' },
    ],
    ['body is an array', [], { code: 'invalid_input', status: 400, param: 'body' }],
    ['body is null', null, { code: 'invalid_input', status: 400, param: 'body' }],
  ];

  it.each(cases)('%s', async (_name, input, expected) => {
    const { issuer, counts, offers, users } = createTestIssuer();
    await expectRejected(issuer.createPreAuthorizedOffer(input as never), expected);
    expect(counts.writes).toBe(0);
    expect(offers.size + users.size).toBe(0);
  });

  it('a description of exactly 300 code points (astral characters count once) is accepted', async () => {
    const { issuer } = createTestIssuer();
    await expect(
      issuer.createPreAuthorizedOffer({
        credentials: [mdl],
        transactionCodeConfiguration: { description: '😀'.repeat(300) },
      }),
    ).resolves.toBeDefined();
  });

  it('a JSON __proto__ key is an unknown field and pollutes nothing', async () => {
    const { issuer, counts } = createTestIssuer();
    const body = JSON.parse(`{"credentials":["${mdl}"],"__proto__":{"polluted":1}}`);
    await expectRejected(issuer.createPreAuthorizedOffer(body), {
      code: 'invalid_input',
      status: 400,
      param: '__proto__',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(counts.writes).toBe(0);
  });

  it('rejects the same bad credentials on the authorization-code route, which accepts any known format', async () => {
    const { issuer } = createTestIssuer();
    await expectRejected(issuer.createAuthorizationCodeOffer({ credentials: [] }), {
      code: 'invalid_input',
      status: 400,
      param: 'credentials',
    });
    await expectRejected(issuer.createAuthorizationCodeOffer({ credentials: ['x'] }), {
      code: 'unknown_credential_configuration',
      status: 400,
      param: 'credentials[0]',
    });
    await expect(
      issuer.createAuthorizationCodeOffer({ credentials: ['UniversityDegree'] }),
    ).resolves.toHaveProperty('uri');
  });

  it('rejects ids that are not uuids on get/delete/revoke with a params detail', async () => {
    const { issuer } = createTestIssuer();
    for (const bad of [
      'abc',
      '../x',
      "' OR 1=1 --",
      'x'.repeat(1000),
      '{3f0c4d2e-8a8b-4c1e-9d57-7c1f0d6c2b11}',
    ]) {
      await expectRejected(issuer.deletePreAuthorizedOffer(bad), {
        code: 'invalid_input',
        status: 400,
        param: 'id',
      });
      await expectRejected(issuer.getPreAuthorizedOffer(bad), {
        code: 'invalid_input',
        status: 400,
        param: 'id',
      });
      await expectRejected(issuer.revokeOffersForUser(bad), {
        code: 'invalid_input',
        status: 400,
        param: 'userId',
      });
    }
  });
});

describe('issuer options are validated once', () => {
  const stores = createInTestStores();
  const base = {
    credentialIssuer: 'https://issuer.example.com',
    credentialConfigurations: CONFIGURATIONS,
    offerStore: stores.offerStore,
    userStore: stores.userStore,
  };

  it.each([
    ['http issuer', { credentialIssuer: 'http://issuer.example.com' }],
    ['issuer with query', { credentialIssuer: 'https://issuer.example.com/?a=1' }],
    ['issuer with fragment', { credentialIssuer: 'https://issuer.example.com/#x' }],
    ['reference without publicBaseUrl', { delivery: 'reference' }],
    ['bad scheme', { scheme: 'not a scheme' }],
    ['http scheme', { scheme: 'http://' }],
    ['maxAttempts 0', { txCode: { maxAttempts: 0 } }],
    ['maxAttempts 11', { txCode: { maxAttempts: 11 } }],
    ['store missing a method', { offerStore: { insert() {} } }],
    ['default above max', { expiry: { defaultSeconds: 700 } }],
  ])('refuses %s', (_name, patch) => {
    expect(() => createOfferIssuer({ ...base, ...(patch as object) } as never)).toThrow(OfferKitError);
  });

  it.each([['http://localhost:3000'], ['http://127.0.0.1:8080'], ['https://issuer.example.com/tenant/1']])(
    'accepts development and path issuers (%s)',
    (credentialIssuer) => {
      expect(() => createOfferIssuer({ ...base, credentialIssuer })).not.toThrow();
    },
  );

  it.each([['haip-vci://'], ['openid-credential-offer://'], ['https://wallet.example.com/offer']])(
    'accepts scheme %s',
    (scheme) => {
      expect(() => createOfferIssuer({ ...base, scheme })).not.toThrow();
    },
  );
});
