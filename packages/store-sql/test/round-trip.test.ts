import { isOfferKitError, type OfferRecord } from '@offerkit/core';
import {
  createRandomTablePrefix,
  dropOfferKitTables,
  ENGINE_NAMES,
  openTestEngine,
} from '@offerkit/test-engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStores, migrateOfferKit, type SqlStores } from '../src/index.js';
import { createRandomHash, createSampleOfferRecord } from './helpers/create-sample-offer-record.js';

/** 2100-01-01T00:00:00.000Z */
const YEAR_2100 = 4_102_444_800_000;

const unicodeClaims = {
  name: 'Zoë Ødegård-Łukasiewicz',
  cjk: '山田太郎',
  rtl: 'مرحبا',
  emoji: '👩‍👩‍👧‍👦🏳️‍🌈',
  nul: 'a\u0000b',
  quote: 'it\'s "quoted" \\ back\\slash\n',
  nothing: null,
  list: [1, null, 'two', { three: [3] }],
  maxSafe: Number.MAX_SAFE_INTEGER,
  minSafe: Number.MIN_SAFE_INTEGER,
  huge: 1.7976931348623157e308,
  tiny: 5e-324,
  float: 0.1,
  nested: { deeper: { value: null, flag: false } },
};

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isOfferKitError(error) ? error.code : error).toBe(code);
  expect((error as Error).message).toMatch(/^(Offer|User) (already exists|storage is unavailable)$/);
}

for (const name of ENGINE_NAMES) {
  const engine = await openTestEngine(name);
  describe.skipIf(engine === undefined)(`${name}: rows, keys and errors`, () => {
    const prefix = createRandomTablePrefix();
    let stores: SqlStores;

    beforeAll(async () => {
      await migrateOfferKit(engine!.db, { tablePrefix: prefix });
      stores = createSqlStores({ db: engine!.db, tablePrefix: prefix });
    });

    afterAll(async () => {
      await dropOfferKitTables(engine!.db, prefix);
      await engine!.close();
    });

    it('an offer with unicode claims, large numbers, nulls and year-2100 instants comes back deep-equal', async () => {
      const record: OfferRecord = createSampleOfferRecord({
        referenceHash: createRandomHash(),
        txCodeMac: createRandomHash(),
        txCode: { inputMode: 'text', length: 10, description: 'Código por SMS 📱 — 確認コード' },
        credentials: ['z-last', 'a-first', 'org.iso.18013.5.1.mDL'],
        profile: 'dual',
        claims: unicodeClaims,
        createdAt: YEAR_2100,
        expiresAt: YEAR_2100 + 600_000,
        attempts: 2,
        consumedAt: YEAR_2100 + 1,
        revokedAt: YEAR_2100 + 2,
        lockedAt: YEAR_2100 + 3,
      });
      await stores.offerStore.insert(record);
      expect(await stores.offerStore.findById(record.id)).toStrictEqual(record);
      expect(await stores.offerStore.findByCodeHash(record.codeHash)).toStrictEqual(record);
      expect(await stores.offerStore.findByReferenceHash(record.referenceHash!)).toStrictEqual(record);

      const bare = createSampleOfferRecord({ createdAt: 0, expiresAt: 1 });
      await stores.offerStore.insert(bare);
      expect(await stores.offerStore.findById(bare.id)).toStrictEqual(bare);
    });

    it('a user with unicode claims and year-2100 instants comes back deep-equal', async () => {
      const id = crypto.randomUUID();
      await stores.userStore.create(id, YEAR_2100);
      expect(await stores.userStore.persistClaims(id, unicodeClaims, YEAR_2100 + 5)).toBe(true);
      expect(await stores.userStore.persistClaims(id, { name: 'Ada', extra: 1 }, YEAR_2100 + 6)).toBe(true);
      expect(await stores.userStore.findById(id)).toStrictEqual({
        id,
        claims: { ...unicodeClaims, name: 'Ada', extra: 1 },
        createdAt: YEAR_2100,
        updatedAt: YEAR_2100 + 6,
      });
    });

    it('hash and id lookups are case-sensitive (binary collation)', async () => {
      const record = createSampleOfferRecord({ codeHash: `aB${createRandomHash().slice(2)}` });
      const twin = createSampleOfferRecord({
        codeHash: swapCase(record.codeHash),
        id: record.id.toUpperCase(),
      });
      await stores.offerStore.insert(record);
      expect(await stores.offerStore.findByCodeHash(twin.codeHash)).toBeUndefined();
      expect(await stores.offerStore.findById(twin.id)).toBeUndefined();
      expect(await stores.offerStore.consume(twin.codeHash, 1_000)).toBeUndefined();
      // A twin differing only in case is a different key, not a duplicate.
      await stores.offerStore.insert(twin);
      expect((await stores.offerStore.consume(record.codeHash, 1_000))?.id).toBe(record.id);
      expect((await stores.offerStore.findByCodeHash(twin.codeHash))?.consumedAt).toBeNull();
    });

    it('duplicate id, code hash or reference hash is a conflict without driver text', async () => {
      const record = createSampleOfferRecord({ referenceHash: createRandomHash() });
      await stores.offerStore.insert(record);
      await expectCode(stores.offerStore.insert(createSampleOfferRecord({ id: record.id })), 'conflict');
      await expectCode(
        stores.offerStore.insert(createSampleOfferRecord({ codeHash: record.codeHash })),
        'conflict',
      );
      await expectCode(
        stores.offerStore.insert(createSampleOfferRecord({ referenceHash: record.referenceHash })),
        'conflict',
      );
      const userId = crypto.randomUUID();
      await stores.userStore.create(userId, 1);
      await expectCode(stores.userStore.create(userId, 2), 'conflict');
    });

    it('offers without a reference hash do not collide on it', async () => {
      const records = [createSampleOfferRecord(), createSampleOfferRecord(), createSampleOfferRecord()];
      for (const record of records) await stores.offerStore.insert(record);
      for (const record of records) expect(await stores.offerStore.findById(record.id)).toStrictEqual(record);
    });

    it('deleteExpired honours the limit and keeps live rows', async () => {
      const sweepPrefix = createRandomTablePrefix();
      await migrateOfferKit(engine!.db, { tablePrefix: sweepPrefix });
      try {
        const { offerStore } = createSqlStores({ db: engine!.db, tablePrefix: sweepPrefix });
        const expired = Array.from({ length: 5 }, (_, i) => createSampleOfferRecord({ expiresAt: 100 + i }));
        const live = createSampleOfferRecord({ expiresAt: 10_000 });
        for (const record of [...expired, live]) await offerStore.insert(record);
        expect(await offerStore.deleteExpired(104, 3)).toBe(3);
        expect(await offerStore.deleteExpired(104, 3)).toBe(2);
        expect(await offerStore.deleteExpired(104, 3)).toBe(0);
        expect(await offerStore.findById(live.id)).toStrictEqual(live);
      } finally {
        await dropOfferKitTables(engine!.db, sweepPrefix);
      }
    });

    it('a missing table is unavailable, not a driver message', async () => {
      const { offerStore, userStore } = createSqlStores({ db: engine!.db, tablePrefix: 'ok_missing_' });
      await expectCode(offerStore.findById(crypto.randomUUID()), 'unavailable');
      await expectCode(offerStore.consume(createRandomHash(), 1), 'unavailable');
      await expectCode(userStore.persistClaims(crypto.randomUUID(), {}, 1), 'unavailable');
    });
  });
}

describe('createSqlStores options', () => {
  it('rejects a table prefix that is not a plain identifier', async () => {
    const engine = (await openTestEngine('sqlite-memory'))!;
    try {
      for (const tablePrefix of ['Offer', 'x"; drop table y; --', '1abc', 'a'.repeat(41)]) {
        let error: unknown;
        try {
          createSqlStores({ db: engine.db, tablePrefix });
        } catch (e) {
          error = e;
        }
        expect(isOfferKitError(error) && error.code).toBe('invalid_input');
      }
      expect(() => createSqlStores({ db: engine.db, tablePrefix: '' })).not.toThrow();
    } finally {
      await engine.close();
    }
  });
});
