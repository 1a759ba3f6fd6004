import assert from 'node:assert/strict';
import type { UserStore } from '../../ports/user-store.js';
import { assertRejectsWithConflict } from './assert-rejects-with-conflict.js';
import type { ConformanceCase } from './conformance-case.js';
import type { StoreFactory } from './store-factory.js';
import { useFreshStores } from './use-fresh-stores.js';

const YEAR_2100 = 4_102_444_800_000;

/**
 * Conformance cases for a `UserStore`: create/find round trips at synthetic instants, conflict on a duplicate
 * id, shallow merge of `persistClaims` (atomic: no lost update under parallel calls), `false` for an unknown
 * user, and copy isolation. Each case calls `factory` for a fresh store.
 */
export function userStoreConformanceCases(factory: StoreFactory): ConformanceCase[] {
  const define = (
    name: string,
    body: (store: UserStore) => Promise<void>,
    timeoutMs?: number,
  ): ConformanceCase => {
    const c: ConformanceCase = {
      name: `userStore: ${name}`,
      run: () => useFreshStores(factory, ({ userStore }) => body(userStore)),
    };
    if (timeoutMs !== undefined) c.timeoutMs = timeoutMs;
    return c;
  };

  return [
    define('create then findById returns the user with no claims (near 0 and year 2100)', async (store) => {
      await store.create('user-early', 1_000);
      await store.create('user-late', YEAR_2100);
      assert.deepStrictEqual(await store.findById('user-early'), {
        id: 'user-early',
        claims: {},
        createdAt: 1_000,
        updatedAt: 1_000,
      });
      assert.deepStrictEqual(await store.findById('user-late'), {
        id: 'user-late',
        claims: {},
        createdAt: YEAR_2100,
        updatedAt: YEAR_2100,
      });
      assert.equal(await store.findById('user-unknown'), undefined);
    }),

    define('create with an existing id throws conflict and keeps the user', async (store) => {
      await store.create('8b9d6c1e-59f5-4a8e-9d5c-1a2b3c4d5e6f', 1_000);
      await store.persistClaims('8b9d6c1e-59f5-4a8e-9d5c-1a2b3c4d5e6f', { a: 1 }, 1_100);
      await assertRejectsWithConflict(
        store.create('8b9d6c1e-59f5-4a8e-9d5c-1a2b3c4d5e6f', 2_000),
        'duplicate id',
      );
      assert.deepStrictEqual(await store.findById('8b9d6c1e-59f5-4a8e-9d5c-1a2b3c4d5e6f'), {
        id: '8b9d6c1e-59f5-4a8e-9d5c-1a2b3c4d5e6f',
        claims: { a: 1 },
        createdAt: 1_000,
        updatedAt: 1_100,
      });
    }),

    define('persistClaims shallow-merges, new keys win, updates updatedAt only', async (store) => {
      await store.create('u1', 1_000);
      assert.equal(await store.persistClaims('u1', { a: 1, b: { x: 1 }, keep: 'k' }, 1_500), true);
      assert.equal(await store.persistClaims('u1', { b: { y: 2 }, c: null, a: 'one' }, 1_600), true);
      assert.deepStrictEqual(await store.findById('u1'), {
        id: 'u1',
        claims: { a: 'one', b: { y: 2 }, keep: 'k', c: null },
        createdAt: 1_000,
        updatedAt: 1_600,
      });
      assert.equal(await store.persistClaims('u1', {}, 1_700), true, 'empty merge');
      assert.deepStrictEqual((await store.findById('u1'))?.claims, {
        a: 'one',
        b: { y: 2 },
        keep: 'k',
        c: null,
      });
    }),

    define('persistClaims on an unknown user returns false and creates nothing', async (store) => {
      assert.equal(await store.persistClaims('ghost', { a: 1 }, 1_000), false);
      assert.equal(await store.findById('ghost'), undefined);
    }),

    define('claims round trip deep-equal (unicode, nulls, nesting, large numbers)', async (store) => {
      const claims = {
        name: 'Zoë Ødegård 山田 👩‍👩‍👧‍👦',
        combining: 'e\u0301',
        rtl: 'مرحبا',
        nul: 'a\u0000b',
        nothing: null,
        list: [1, null, 'two', { three: [3] }],
        nested: { deeper: { value: null, flag: false } },
        maxSafe: Number.MAX_SAFE_INTEGER,
        float: 0.1,
        huge: 1.7976931348623157e308,
      };
      await store.create('ü-1', YEAR_2100);
      assert.equal(await store.persistClaims('ü-1', claims, YEAR_2100 + 1), true);
      assert.deepStrictEqual(await store.findById('ü-1'), {
        id: 'ü-1',
        claims,
        createdAt: YEAR_2100,
        updatedAt: YEAR_2100 + 1,
      });
    }),

    define('users handed in and out are copies', async (store) => {
      await store.create('u1', 1_000);
      const input = { nested: { v: 1 } };
      await store.persistClaims('u1', input, 1_100);
      input.nested.v = 2;
      const found = await store.findById('u1');
      assert.ok(found);
      const claims: Record<string, unknown> = found.claims;
      assert.deepStrictEqual(claims, { nested: { v: 1 } }, 'after mutating the persisted object');
      found.claims.injected = true;
      found.updatedAt = 0;
      assert.deepStrictEqual(await store.findById('u1'), {
        id: 'u1',
        claims: { nested: { v: 1 } },
        createdAt: 1_000,
        updatedAt: 1_100,
      });
    }),

    define(
      'parallel persistClaims lose no update; parallel create has exactly one winner',
      async (store) => {
        await store.create('u-merge', 1_000);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.persistClaims('u-merge', { [`k${i}`]: i }, 1_000 + i)),
        );
        assert.ok(results.every(Boolean));
        const claims = (await store.findById('u-merge'))?.claims ?? {};
        assert.equal(
          Object.keys(claims).length,
          50,
          `only ${Object.keys(claims).length} of 50 keys survived`,
        );
        const creates = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.create('u-race', 2_000)),
        );
        assert.equal(creates.filter((r) => r.status === 'fulfilled').length, 1, 'parallel creates');
      },
      60_000,
    ),
  ];
}
