import { isOfferKitError } from '@offerkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFromUri, createTestIssuer } from './support/create-test-issuer.js';

const mdl = ['org.iso.18013.5.1.mDL'];

describe('expiry', () => {
  it('defaults to 300 s and returns an ISO 8601 instant with milliseconds', async () => {
    const { issuer, clock } = createTestIssuer();
    const result = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    expect(result.expiresAt).toBe(new Date(clock.current + 300_000).toISOString());
    expect(result.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('accepts every { minutes, seconds } combination totalling 1..600 s', async () => {
    const { issuer, clock } = createTestIssuer();
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { minutes: fc.integer({ min: 0, max: 10 }), seconds: fc.integer({ min: 0, max: 600 }) },
          { requiredKeys: [] },
        ),
        async (expiresIn) => {
          const total = (expiresIn.minutes ?? 0) * 60 + (expiresIn.seconds ?? 0);
          const attempt = issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn });
          if (total > 0 && total <= 600) {
            await expect(attempt).resolves.toMatchObject({
              expiresAt: new Date(clock.current + total * 1000).toISOString(),
            });
          } else {
            await expect(attempt).rejects.toMatchObject({ code: 'invalid_input' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [{ seconds: 0 }],
    [{ minutes: 0, seconds: 0 }],
    [{}],
    [{ seconds: -1 }],
    [{ minutes: -1, seconds: 120 }],
    [{ seconds: 30.5 }],
    [{ minutes: 1.5 }],
    [{ seconds: 601 }],
    [{ minutes: 10, seconds: 1 }],
    [{ minutes: 11 }],
    [{ seconds: '300' }],
    [{ seconds: true }],
    [{ seconds: null }],
    [{ seconds: Number.POSITIVE_INFINITY }],
    [{ seconds: Number.NaN }],
    [{ seconds: 2 ** 53 + 1 }],
    [{ hours: 1 }],
    [300],
    ['300'],
    [null],
  ])('rejects expiresIn %j with details naming expiresIn and writes nothing', async (expiresIn) => {
    const { issuer, counts } = createTestIssuer();
    try {
      await issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn: expiresIn as never });
      expect.unreachable();
    } catch (error) {
      expect(isOfferKitError(error)).toBe(true);
      expect((error as { status: number }).status).toBe(400);
      const details = (error as { details: { param: string; msg: string; location: string }[] }).details;
      expect(details.length).toBeGreaterThan(0);
      for (const d of details) {
        expect(d.param.startsWith('expiresIn')).toBe(true);
        expect(d.location).toBe('body');
        expect(typeof d.msg).toBe('string');
      }
    }
    expect(counts.writes).toBe(0);
  });

  it('expiresAt - 1 ms is live and expiresAt is expired', async () => {
    const { issuer, clock } = createTestIssuer();
    const start = clock.current;
    const early = await issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn: { seconds: 60 } });
    const onTime = await issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn: { seconds: 60 } });
    clock.current = start + 60_000 - 1;
    expect((await issuer.getPreAuthorizedOffer(early.id)).status).toBe('active');
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': codeFromUri(early.uri) }),
    ).resolves.toBeDefined();
    clock.current = start + 60_000;
    expect((await issuer.getPreAuthorizedOffer(onTime.id)).status).toBe('expired');
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': codeFromUri(onTime.uri) }),
    ).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    await expect(issuer.deletePreAuthorizedOffer(onTime.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('honours configured default and maximum', async () => {
    const { issuer, clock } = createTestIssuer({ expiry: { defaultSeconds: 30, maxSeconds: 60 } });
    const r = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    expect(r.expiresAt).toBe(new Date(clock.current + 30_000).toISOString());
    await expect(
      issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn: { seconds: 61 } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
