import assert from 'node:assert/strict';
import type { OfferRecord } from '../../ports/offer-record.js';
import type { OfferStore } from '../../ports/offer-store.js';
import { assertRejectsWithConflict } from './assert-rejects-with-conflict.js';
import type { ConformanceCase } from './conformance-case.js';
import { createTestOfferRecord } from './create-test-offer-record.js';
import { offerStoreConcurrencyCases } from './offer-store-concurrency-cases.js';
import { offerStoreModelCase } from './offer-store-model-case.js';
import type { StoreFactory } from './store-factory.js';
import { useFreshStores } from './use-fresh-stores.js';

/** Synthetic instants: a store that reads the wall clock gets these wrong. */
const NEAR_ZERO = 1_000;
/** 2100-01-01T00:00:00Z. */
const YEAR_2100 = 4_102_444_800_000;
const BASES = [
  ['near 0', NEAR_ZERO],
  ['year 2100', YEAR_2100],
] as const;

/** Options of `offerStoreConformanceCases`. */
export interface OfferStoreConformanceOptions {
  /** Parallel calls in the concurrency cases. Default 200. */
  concurrency?: number;
  /** Runs of the model-based command-sequence check. Default 200. */
  modelRuns?: number;
}

/** Every field of an `OfferRecord` in a non-default, awkward state, for round-trip checks. */
function createAwkwardRecord(base: number): OfferRecord {
  return createTestOfferRecord(
    {
      userId: 'üser-🦄-\u05e9\u05dc\u05d5\u05dd',
      txCodeMac: 'mac_-AZaz09mac_-AZaz09mac_-AZaz09mac_-AZaz0',
      txCode: { inputMode: 'text', length: 8, description: 'Código enviado por SMS 📱 — 確認コード' },
      credentials: ['z-last', 'a-first', 'UniversityDegree_JWT', 'org.iso.18013.5.1.mDL'],
      profile: 'dual',
      claims: {
        name: 'Zoë Ødegård-Łukasiewicz',
        combining: 'e\u0301 n\u0303',
        emoji: '👩‍👩‍👧‍👦🏳️‍🌈',
        cjk: '山田太郎',
        rtl: 'مرحبا',
        quote: 'it\'s "quoted" \\ back\\slash\n\ttab',
        nul: 'a\u0000b',
        nothing: null,
        empty: {},
        emptyList: [],
        list: [1, null, 'two', { three: [3] }],
        nested: { deeper: { deepest: { value: null, flag: false } } },
        maxSafe: Number.MAX_SAFE_INTEGER,
        minSafe: Number.MIN_SAFE_INTEGER,
        float: 0.1,
        huge: 1.7976931348623157e308,
        tiny: 5e-324,
        negative: -42,
        bool: true,
      },
      createdAt: base,
      expiresAt: base + 365 * 24 * 3_600_000,
      attempts: 2,
      consumedAt: null,
      revokedAt: null,
      lockedAt: null,
    },
    { withReferenceHash: true },
  );
}

function assertSameRecord(actual: OfferRecord | undefined, expected: OfferRecord, what: string): void {
  assert.deepStrictEqual(actual, expected, `${what}: record differs from what was inserted/expected`);
}

/**
 * Conformance cases for an `OfferStore`: round trips, uniqueness, synthetic instants (no wall clock), the
 * exclusive expiry boundary, state transitions, sweeping, copy isolation, exactly-once behaviour under
 * concurrency (`offerStoreConcurrencyCases`) and a model-based check of random command sequences against
 * `OfferStoreModel`. Each case calls `factory` for a fresh store.
 */
export function offerStoreConformanceCases(
  factory: StoreFactory,
  options: OfferStoreConformanceOptions = {},
): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const add = (name: string, body: (store: OfferStore) => Promise<void>, timeoutMs?: number): void => {
    const c: ConformanceCase = {
      name: `offerStore: ${name}`,
      run: () => useFreshStores(factory, ({ offerStore }) => body(offerStore)),
    };
    if (timeoutMs !== undefined) c.timeoutMs = timeoutMs;
    cases.push(c);
  };

  add('insert then find by id, code hash and reference hash returns an equal record', async (store) => {
    const record = createTestOfferRecord({}, { withReferenceHash: true });
    await store.insert(record);
    assertSameRecord(await store.findById(record.id), record, 'findById');
    assertSameRecord(await store.findByCodeHash(record.codeHash), record, 'findByCodeHash');
    assertSameRecord(
      await store.findByReferenceHash(record.referenceHash ?? ''),
      record,
      'findByReferenceHash',
    );
  });

  add('find of unknown keys returns undefined', async (store) => {
    const stored = createTestOfferRecord({}, { withReferenceHash: true });
    await store.insert(stored);
    const other = createTestOfferRecord({}, { withReferenceHash: true });
    assert.equal(await store.findById(other.id), undefined);
    assert.equal(await store.findByCodeHash(other.codeHash), undefined);
    assert.equal(await store.findByReferenceHash(other.referenceHash ?? ''), undefined);
    // A code hash is not a reference hash and vice versa.
    assert.equal(await store.findByReferenceHash(stored.codeHash), undefined);
    assert.equal(await store.findByCodeHash(stored.referenceHash ?? ''), undefined);
  });

  for (const key of ['id', 'codeHash', 'referenceHash'] as const) {
    add(`insert with a duplicate ${key} throws conflict and stores nothing`, async (store) => {
      const first = createTestOfferRecord({}, { withReferenceHash: true });
      await store.insert(first);
      const second = createTestOfferRecord({ userId: 'user-b' }, { withReferenceHash: true });
      const duplicate: OfferRecord = { ...second, [key]: first[key] };
      await assertRejectsWithConflict(store.insert(duplicate), `duplicate ${key}`);
      assertSameRecord(await store.findById(first.id), first, 'original after conflict');
      if (key !== 'id') assert.equal(await store.findById(second.id), undefined, 'conflicting record stored');
      if (key !== 'codeHash') {
        assert.equal(await store.findByCodeHash(second.codeHash), undefined, 'conflicting record stored');
      }
      if (key !== 'referenceHash') {
        assert.equal(await store.findByReferenceHash(second.referenceHash ?? ''), undefined);
      }
    });
  }

  add('several records without a reference hash coexist (null is not a duplicate)', async (store) => {
    const records = [createTestOfferRecord(), createTestOfferRecord(), createTestOfferRecord()];
    for (const r of records) await store.insert(r);
    for (const r of records) assertSameRecord(await store.findById(r.id), r, 'findById');
  });

  for (const [label, base] of BASES) {
    add(`deep-equal round trip of unicode claims, nulls, large numbers (${label})`, async (store) => {
      const record = createAwkwardRecord(base);
      await store.insert(record);
      assertSameRecord(await store.findById(record.id), record, 'findById');
      assertSameRecord(await store.findByCodeHash(record.codeHash), record, 'findByCodeHash');
    });
  }

  add('round trip keeps absent optional fields absent and null claims null', async (store) => {
    const withoutDescription = createTestOfferRecord({
      txCode: { inputMode: 'numeric', length: 6 },
      txCodeMac: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      profile: 'draft-11',
    });
    const emptyClaims = createTestOfferRecord({ claims: {} });
    await store.insert(withoutDescription);
    await store.insert(emptyClaims);
    assertSameRecord(await store.findById(withoutDescription.id), withoutDescription, 'no description');
    assertSameRecord(await store.findById(emptyClaims.id), emptyClaims, 'empty claims');
  });

  add('round trip of records already consumed, revoked and locked at year-2100 instants', async (store) => {
    const record = createTestOfferRecord({
      createdAt: YEAR_2100,
      expiresAt: YEAR_2100 + 600_000,
      consumedAt: YEAR_2100 + 1,
      revokedAt: YEAR_2100 + 2,
      lockedAt: YEAR_2100 + 3,
      attempts: 5,
    });
    await store.insert(record);
    assertSameRecord(await store.findById(record.id), record, 'findById');
  });

  add('records handed in and out are copies: mutating them does not change the store', async (store) => {
    const record = createTestOfferRecord({ claims: { a: { b: 1 } } });
    const expected = structuredClone(record);
    await store.insert(record);
    record.attempts = 99;
    (record.claims as { a: { b: number } }).a.b = 2;
    record.credentials.push('mutated');
    assertSameRecord(await store.findById(expected.id), expected, 'after mutating the inserted object');
    const found = await store.findById(expected.id);
    assert.ok(found);
    found.consumedAt = 5;
    (found.claims as { a: { b: number } }).a.b = 3;
    found.credentials.length = 0;
    assertSameRecord(await store.findById(expected.id), expected, 'after mutating a returned object');
    const consumed = await store.consume(expected.codeHash, 1_000);
    assert.ok(consumed);
    consumed.consumedAt = null;
    assert.equal((await store.findById(expected.id))?.consumedAt, 1_000, 'after mutating a consumed record');
  });

  add('a store does not read the wall clock (expiresAt = 2 000 is live at now = 1 999)', async (store) => {
    const early = createTestOfferRecord({ createdAt: 0, expiresAt: 2_000, txCode: null });
    await store.insert(early);
    assert.ok(await store.reserveTxAttempt(early.codeHash, 1_999, 3), 'reserve at 1 999 must succeed');
    assert.ok(await store.consume(early.codeHash, 1_999), 'consume at 1 999 must succeed');
    const late = createTestOfferRecord({ createdAt: YEAR_2100 - 1_000, expiresAt: YEAR_2100 });
    await store.insert(late);
    assert.equal(await store.consume(late.codeHash, YEAR_2100), undefined, 'consume at expiresAt (2100)');
    assert.equal(await store.revoke(late.id, YEAR_2100), false, 'revoke at expiresAt (2100)');
    assert.ok(await store.consume(late.codeHash, YEAR_2100 - 1), 'consume at expiresAt - 1 (2100)');
  });

  for (const [label, base] of BASES) {
    add(`consume: expiresAt - 1 is live, expiresAt is not (${label})`, async (store) => {
      const expiresAt = base + 500;
      const atBoundary = createTestOfferRecord({ createdAt: base, expiresAt });
      const beforeBoundary = createTestOfferRecord({ createdAt: base, expiresAt });
      await store.insert(atBoundary);
      await store.insert(beforeBoundary);
      assert.equal(await store.consume(atBoundary.codeHash, expiresAt), undefined, 'consume at expiresAt');
      assert.equal(
        await store.consume(atBoundary.codeHash, expiresAt + 1),
        undefined,
        'consume after expiry',
      );
      assertSameRecord(await store.findById(atBoundary.id), atBoundary, 'record after failed consume');
      const consumed = await store.consume(beforeBoundary.codeHash, expiresAt - 1);
      assertSameRecord(
        consumed,
        { ...beforeBoundary, consumedAt: expiresAt - 1 },
        'consume at expiresAt - 1',
      );
    });

    add(`reserveTxAttempt: expiresAt - 1 is live, expiresAt is not (${label})`, async (store) => {
      const expiresAt = base + 500;
      const record = createTestOfferRecord({ createdAt: base, expiresAt });
      await store.insert(record);
      assert.equal(await store.reserveTxAttempt(record.codeHash, expiresAt, 3), undefined, 'at expiresAt');
      assert.equal((await store.findById(record.id))?.attempts, 0, 'attempts after failed reserve');
      const reserved = await store.reserveTxAttempt(record.codeHash, expiresAt - 1, 3);
      assertSameRecord(reserved, { ...record, attempts: 1 }, 'reserve at expiresAt - 1');
    });

    add(`revoke: expiresAt - 1 is live, expiresAt is not (${label})`, async (store) => {
      const expiresAt = base + 500;
      const atBoundary = createTestOfferRecord({ createdAt: base, expiresAt });
      const beforeBoundary = createTestOfferRecord({ createdAt: base, expiresAt });
      await store.insert(atBoundary);
      await store.insert(beforeBoundary);
      assert.equal(await store.revoke(atBoundary.id, expiresAt), false, 'revoke at expiresAt');
      assert.equal((await store.findById(atBoundary.id))?.revokedAt, null);
      assert.equal(await store.revoke(beforeBoundary.id, expiresAt - 1), true, 'revoke at expiresAt - 1');
      assertSameRecord(
        await store.findById(beforeBoundary.id),
        { ...beforeBoundary, revokedAt: expiresAt - 1 },
        'revoked record is kept',
      );
    });
  }

  add('consume succeeds once and returns the consumed record', async (store) => {
    const record = createTestOfferRecord({ claims: { given_name: 'Ada' }, attempts: 1 });
    await store.insert(record);
    const consumed = await store.consume(record.codeHash, 1_500);
    assertSameRecord(consumed, { ...record, consumedAt: 1_500 }, 'consume result');
    assertSameRecord(await store.findByCodeHash(record.codeHash), { ...record, consumedAt: 1_500 }, 'stored');
    assert.equal(await store.consume(record.codeHash, 1_501), undefined, 'second consume');
    assert.equal((await store.findById(record.id))?.consumedAt, 1_500, 'second consume changed consumedAt');
    assert.equal(
      await store.consume(createTestOfferRecord().codeHash, 1_000),
      undefined,
      'unknown code hash',
    );
  });

  add('consume fails after revoke and after lock', async (store) => {
    const revoked = createTestOfferRecord();
    const locked = createTestOfferRecord();
    await store.insert(revoked);
    await store.insert(locked);
    assert.equal(await store.revoke(revoked.id, 1_000), true);
    assert.equal(await store.lock(locked.id, 1_000), true);
    assert.equal(await store.consume(revoked.codeHash, 1_001), undefined, 'consume after revoke');
    assert.equal(await store.consume(locked.codeHash, 1_001), undefined, 'consume after lock');
    assert.equal((await store.findById(revoked.id))?.consumedAt, null);
    assert.equal((await store.findById(locked.id))?.consumedAt, null);
  });

  add('reserveTxAttempt counts up to maxAttempts, then returns undefined', async (store) => {
    const record = createTestOfferRecord();
    await store.insert(record);
    for (let expected = 1; expected <= 3; expected++) {
      const reserved = await store.reserveTxAttempt(record.codeHash, 1_000, 3);
      assertSameRecord(reserved, { ...record, attempts: expected }, `reservation ${expected}`);
    }
    assert.equal(await store.reserveTxAttempt(record.codeHash, 1_000, 3), undefined, 'beyond max');
    assert.equal((await store.findById(record.id))?.attempts, 3);
    assert.ok(await store.reserveTxAttempt(record.codeHash, 1_000, 4), 'a larger max allows one more');
    assert.ok(await store.consume(record.codeHash, 1_000), 'reserving does not consume');
  });

  add('reserveTxAttempt on a dead or unknown offer returns undefined and changes nothing', async (store) => {
    const consumed = createTestOfferRecord({ consumedAt: 500 });
    const revoked = createTestOfferRecord({ revokedAt: 500 });
    const locked = createTestOfferRecord({ lockedAt: 500 });
    const expired = createTestOfferRecord({ expiresAt: 1_000 });
    const exhausted = createTestOfferRecord({ attempts: 3 });
    for (const r of [consumed, revoked, locked, expired, exhausted]) {
      await store.insert(r);
      assert.equal(await store.reserveTxAttempt(r.codeHash, 1_000, 3), undefined, `reserve on ${r.id}`);
      assertSameRecord(await store.findById(r.id), r, 'record after failed reserve');
    }
    assert.equal(
      await store.reserveTxAttempt(createTestOfferRecord().codeHash, 1_000, 3),
      undefined,
      'unknown',
    );
  });

  add('lock returns true once, then false; unknown id returns false', async (store) => {
    const record = createTestOfferRecord();
    await store.insert(record);
    assert.equal(await store.lock(record.id, 1_200), true, 'first lock');
    assert.equal(await store.lock(record.id, 1_300), false, 'second lock');
    assertSameRecord(await store.findById(record.id), { ...record, lockedAt: 1_200 }, 'locked record');
    assert.equal(await store.lock(createTestOfferRecord().id, 1_000), false, 'unknown id');
  });

  add(
    'revoke returns true once, then false; keeps the record; works on consumed and locked offers',
    async (store) => {
      const live = createTestOfferRecord();
      const consumed = createTestOfferRecord({ consumedAt: 900 });
      const locked = createTestOfferRecord({ lockedAt: 900 });
      const expired = createTestOfferRecord({ expiresAt: 1_000 });
      for (const r of [live, consumed, locked, expired]) await store.insert(r);
      assert.equal(await store.revoke(live.id, 1_000), true, 'first revoke');
      assert.equal(await store.revoke(live.id, 1_001), false, 'second revoke');
      assertSameRecord(await store.findById(live.id), { ...live, revokedAt: 1_000 }, 'revoked record kept');
      assert.equal(await store.revoke(consumed.id, 1_000), true, 'revoke of a consumed offer');
      assert.equal(await store.revoke(locked.id, 1_000), true, 'revoke of a locked offer');
      assert.equal(await store.revoke(expired.id, 1_000), false, 'revoke of an expired offer');
      assert.equal(await store.revoke(createTestOfferRecord().id, 1_000), false, 'unknown id');
    },
  );

  add('revokeByUser revokes only the live offers of that user and counts them', async (store) => {
    const now = 1_000;
    const liveA1 = createTestOfferRecord({ userId: 'user-a' });
    const liveA2 = createTestOfferRecord({ userId: 'user-a' }, { withReferenceHash: true });
    const deadA = [
      createTestOfferRecord({ userId: 'user-a', consumedAt: 900 }),
      createTestOfferRecord({ userId: 'user-a', revokedAt: 900 }),
      createTestOfferRecord({ userId: 'user-a', lockedAt: 900 }),
      createTestOfferRecord({ userId: 'user-a', expiresAt: now }),
    ];
    const liveB = createTestOfferRecord({ userId: 'user-b' });
    for (const r of [liveA1, liveA2, ...deadA, liveB]) await store.insert(r);
    assert.equal(await store.revokeByUser('user-a', now), 2, 'revoked count');
    assert.equal((await store.findById(liveA1.id))?.revokedAt, now);
    assert.equal((await store.findById(liveA2.id))?.revokedAt, now);
    for (const r of deadA) assertSameRecord(await store.findById(r.id), r, 'dead offer untouched');
    assertSameRecord(await store.findById(liveB.id), liveB, 'other user untouched');
    assert.equal(await store.revokeByUser('user-a', now + 1), 0, 'second call');
    assert.equal(await store.revokeByUser('user-unknown', now), 0, 'unknown user');
    assert.ok(await store.consume(liveB.codeHash, now), 'other user still redeemable');
  });

  add('deleteExpired deletes only expiresAt <= now, leaves live offers, frees the keys', async (store) => {
    const records = [1_000, 1_500, 2_000, 2_001, 3_000].map((expiresAt) =>
      createTestOfferRecord({ expiresAt }, { withReferenceHash: true }),
    );
    const consumedButUnexpired = createTestOfferRecord({ expiresAt: 5_000, consumedAt: 1_000 });
    for (const r of [...records, consumedButUnexpired]) await store.insert(r);
    assert.equal(await store.deleteExpired(2_000, 100), 3, 'deleted count');
    for (const r of records.slice(0, 3)) {
      assert.equal(await store.findById(r.id), undefined, 'expired record still found by id');
      assert.equal(await store.findByCodeHash(r.codeHash), undefined, 'expired record still found by code');
      assert.equal(await store.findByReferenceHash(r.referenceHash ?? ''), undefined, 'still found by ref');
    }
    for (const r of [...records.slice(3), consumedButUnexpired]) {
      assertSameRecord(await store.findById(r.id), r, 'unexpired record');
    }
    assert.equal(await store.deleteExpired(2_000, 100), 0, 'second sweep');
    const first = records[0];
    assert.ok(first);
    await store.insert(first);
    assertSameRecord(await store.findByCodeHash(first.codeHash), first, 're-insert after sweep');
  });

  add('deleteExpired respects limit', async (store) => {
    const expired = [100, 200, 300, 400, 500].map((expiresAt) => createTestOfferRecord({ expiresAt }));
    const live = createTestOfferRecord({ expiresAt: 10_000 });
    for (const r of [...expired, live]) await store.insert(r);
    assert.equal(await store.deleteExpired(1_000, 2), 2, 'first batch');
    assert.equal(await store.deleteExpired(1_000, 2), 2, 'second batch');
    assert.equal(await store.deleteExpired(1_000, 2), 1, 'third batch');
    assert.equal(await store.deleteExpired(1_000, 2), 0, 'nothing left');
    for (const r of expired) assert.equal(await store.findById(r.id), undefined);
    assertSameRecord(await store.findById(live.id), live, 'live record');
  });

  cases.push(...offerStoreConcurrencyCases(factory, options));
  cases.push(offerStoreModelCase(factory, options.modelRuns ?? 200));
  return cases;
}
