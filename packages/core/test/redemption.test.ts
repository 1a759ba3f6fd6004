import { describe, expect, it } from 'vitest';
import { codeFromUri, createTestIssuer } from './support/create-test-issuer.js';

const mdl = ['org.iso.18013.5.1.mDL'];

async function offerWithTxCode(overrides: Parameters<typeof createTestIssuer>[0] = {}) {
  const t = createTestIssuer(overrides);
  const created = await t.issuer.createPreAuthorizedOffer({
    credentials: mdl,
    transactionCodeConfiguration: {},
    claims: { given_name: 'Zoë' },
  });
  const code = codeFromUri(created.uri);
  const wrong = created.transactionCode === '000000' ? '000001' : '000000';
  return { ...t, created, code, wrong, txCode: created.transactionCode! };
}

describe('redemption order and outcomes', () => {
  it('a missing tx code gives invalid_request and spends no attempt', async () => {
    const { issuer, created, code, offers, events } = await offerWithTxCode();
    await expect(issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(events.filter((e) => e.type === 'offer.redeem_failed')).toEqual([
      expect.objectContaining({ offerId: created.id, reason: 'tx_code_missing' }),
    ]);
    expect(offers.get(created.id)!.attempts).toBe(0);
    expect(offers.get(created.id)!.consumedAt).toBeNull();
  });

  it('an unexpected tx code gives invalid_request, spends no attempt and does not consume', async () => {
    const { issuer, offers, events } = createTestIssuer();
    const created = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    const code = codeFromUri(created.uri);
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: '123456' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(events.filter((e) => e.type === 'offer.redeem_failed')).toEqual([
      expect.objectContaining({ offerId: created.id, reason: 'tx_code_unexpected' }),
    ]);
    expect(offers.get(created.id)).toMatchObject({ attempts: 0, consumedAt: null });
    await expect(issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code })).resolves.toMatchObject({
      offerId: created.id,
    });
  });

  it('three wrong codes lock the offer, and the right code afterwards gets invalid_grant', async () => {
    const { issuer, created, code, wrong, txCode, offers, events } = await offerWithTxCode();
    for (let i = 1; i <= 3; i++) {
      await expect(
        issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: wrong }),
      ).rejects.toMatchObject({
        code: 'invalid_grant',
      });
      expect(offers.get(created.id)!.attempts).toBe(i);
    }
    expect(offers.get(created.id)!.lockedAt).not.toBeNull();
    expect(events.filter((e) => e.type === 'offer.locked')).toHaveLength(1);
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode }),
    ).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    expect((await issuer.getPreAuthorizedOffer(created.id)).status).toBe('locked');
  });

  it('a wrong code before the limit may report invalid_tx_code when configured (OID4VCI 1.1)', async () => {
    const { issuer, created, code, wrong, txCode, events } = await offerWithTxCode({
      txCode: { wrongCodeError: 'invalid_tx_code' },
    });
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: wrong }),
    ).rejects.toMatchObject({
      code: 'invalid_tx_code',
      status: 400,
    });
    expect(events.filter((e) => e.type === 'offer.redeem_failed')).toEqual([
      expect.objectContaining({ offerId: created.id, reason: 'tx_code_wrong' }),
    ]);
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode }),
    ).resolves.toBeDefined();
  });

  it('succeeds once with the right code; a replay gets invalid_grant', async () => {
    const { issuer, created, code, txCode, events } = await offerWithTxCode();
    const redemption = await issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode });
    expect(redemption).toMatchObject({
      offerId: created.id,
      userId: created.userId,
      credentials: mdl,
      claims: { given_name: 'Zoë' },
    });
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode }),
    ).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    expect(events.find((e) => e.type === 'offer.redeem_failed')).toMatchObject({
      reason: 'consumed',
      offerId: created.id,
    });
  });

  it('deleted and expired offers give invalid_grant with the same message as unknown codes', async () => {
    const { issuer, clock, created, code, txCode } = await offerWithTxCode();
    await issuer.deletePreAuthorizedOffer(created.id);
    const deleted = await issuer
      .redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode })
      .catch((e) => e);
    const other = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    clock.current += 301_000;
    const expired = await issuer
      .redeemPreAuthorizedCode({ 'pre-authorized_code': codeFromUri(other.uri) })
      .catch((e) => e);
    const unknown = await issuer
      .redeemPreAuthorizedCode({ 'pre-authorized_code': 'A'.repeat(43) })
      .catch((e) => e);
    for (const e of [deleted, expired, unknown]) {
      expect(e).toMatchObject({ code: 'invalid_grant', status: 400, message: unknown.message });
    }
  });

  it('accepts the draft-11 user_pin, and rejects tx_code and user_pin that disagree', async () => {
    const { issuer, code, txCode, wrong } = await offerWithTxCode();
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: txCode, user_pin: wrong }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, user_pin: txCode }),
    ).resolves.toBeDefined();
  });

  it('compares tx codes byte for byte (no Unicode digit folding)', async () => {
    const { issuer, code, txCode, offers, created } = await offerWithTxCode({ txCode: { maxAttempts: 10 } });
    const arabic = [...txCode].map((d) => String.fromCharCode(0x660 + Number(d))).join('');
    const fullWidth = [...txCode].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    for (const variant of [arabic, fullWidth, ` ${txCode}`, `${txCode} `, txCode.slice(1)]) {
      await expect(
        issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: variant }),
      ).rejects.toMatchObject({
        code: 'invalid_grant',
      });
    }
    expect(offers.get(created.id)!.attempts).toBe(5);
  });

  it.each([
    [{}],
    [{ 'pre-authorized_code': '' }],
    [{ 'pre-authorized_code': 42 }],
    [{ 'pre-authorized_code': 'a'.repeat(43), tx_code: 1 }],
    [{ 'pre-authorized_code': 'a'.repeat(43), tx_code: 'x'.repeat(513) }],
  ])('malformed token input %j gives invalid_request without touching the store', async (input) => {
    const { issuer, counts } = createTestIssuer();
    await expect(issuer.redeemPreAuthorizedCode(input as never)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(counts.writes).toBe(0);
  });

  it('an authorization-code issuer_state is not a pre-authorized code', async () => {
    const { issuer } = createTestIssuer({ authorizationCode: { issuerState: 'generate' } });
    const { issuerState } = await issuer.createAuthorizationCodeOffer({ credentials: ['UniversityDegree'] });
    expect(issuerState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': issuerState! }),
    ).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('200 parallel wrong codes count exactly maxAttempts and lock the offer', async () => {
    const { issuer, code, txCode, offers, created } = await offerWithTxCode();
    const wrongs = Array.from({ length: 200 }, (_, i) => String(i).padStart(6, '9')).filter(
      (w) => w !== txCode,
    );
    const results = await Promise.allSettled(
      wrongs.map((w) => issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': code, tx_code: w })),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(offers.get(created.id)).toMatchObject({ attempts: 3 });
    expect(offers.get(created.id)!.lockedAt).not.toBeNull();
  });

  it('a failing event listener never changes a result', async () => {
    const { issuer } = createTestIssuer({
      onEvent: () => {
        throw new Error('listener broke');
      },
    });
    const created = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    await expect(
      issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': codeFromUri(created.uri) }),
    ).resolves.toBeDefined();
  });

  it('a store that throws a raw driver error surfaces as unavailable without its message', async () => {
    const t = createTestIssuer();
    t.offerStore.findByCodeHash = async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    };
    const error = await t.issuer
      .redeemPreAuthorizedCode({ 'pre-authorized_code': 'A'.repeat(43) })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
    expect(error.message).not.toMatch(/ECONNREFUSED|hunter2/);
  });
});

describe('revocation', () => {
  it('deleting twice gives not_found; revokeOffersForUser revokes only live offers of that user', async () => {
    const { issuer } = createTestIssuer();
    const a = await issuer.createPreAuthorizedOffer({ credentials: mdl });
    await issuer.deletePreAuthorizedOffer(a.id.toUpperCase());
    await expect(issuer.deletePreAuthorizedOffer(a.id)).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    });
    const b = await issuer.createPreAuthorizedOffer({ credentials: mdl, userId: a.userId });
    const c = await issuer.createPreAuthorizedOffer({ credentials: mdl, userId: a.userId });
    await issuer.createPreAuthorizedOffer({ credentials: mdl });
    await issuer.redeemPreAuthorizedCode({ 'pre-authorized_code': codeFromUri(c.uri) });
    expect(await issuer.revokeOffersForUser(a.userId)).toEqual({ revoked: 1 });
    expect((await issuer.getPreAuthorizedOffer(b.id)).status).toBe('revoked');
  });

  it('persists claimsToPersist on the user and merges them into later offers', async () => {
    const { issuer, users } = createTestIssuer();
    const first = await issuer.createPreAuthorizedOffer({
      credentials: mdl,
      claims: { family_name: 'Ñandú', age: 42 },
      claimsToPersist: ['family_name'],
    });
    expect(users.get(first.userId)!.claims).toEqual({ family_name: 'Ñandú' });
    const second = await issuer.createPreAuthorizedOffer({
      credentials: mdl,
      userId: first.userId,
      claims: { age: 43 },
    });
    const redemption = await issuer.redeemPreAuthorizedCode({
      'pre-authorized_code': codeFromUri(second.uri),
    });
    expect(redemption.claims).toEqual({ family_name: 'Ñandú', age: 43 });
  });

  it('sweeps expired offers', async () => {
    const { issuer, clock, offers } = createTestIssuer();
    for (let i = 0; i < 5; i++)
      await issuer.createPreAuthorizedOffer({ credentials: mdl, expiresIn: { seconds: 1 } });
    await issuer.createPreAuthorizedOffer({ credentials: mdl });
    clock.current += 1000;
    expect(await issuer.sweepExpiredOffers()).toBe(5);
    expect(offers.size).toBe(1);
  });
});
