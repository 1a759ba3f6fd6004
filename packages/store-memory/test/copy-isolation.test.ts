import { createTestOfferRecord } from '@offerkit/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../src/index.js';

describe('memory store copies every record that crosses its boundary', () => {
  it('returns a distinct object on every read and write result', async () => {
    const { offerStore } = createMemoryStores();
    const record = createTestOfferRecord({ claims: { nested: { a: 1 } } }, { withReferenceHash: true });
    await offerStore.insert(record);
    const a = await offerStore.findById(record.id);
    const b = await offerStore.findByCodeHash(record.codeHash);
    const c = await offerStore.findByReferenceHash(record.referenceHash ?? '');
    expect(a).toEqual(record);
    expect(a).not.toBe(b);
    expect(b).not.toBe(c);
    expect(a).not.toBe(record);
    expect(a?.claims).not.toBe(record.claims);
    expect(a?.credentials).not.toBe(record.credentials);

    const reserved = await offerStore.reserveTxAttempt(record.codeHash, 1_000, 3);
    if (reserved === undefined) throw new Error('expected a reservation');
    reserved.attempts = 0;
    reserved.expiresAt = Number.MAX_SAFE_INTEGER;
    expect((await offerStore.findById(record.id))?.attempts).toBe(1);
    expect((await offerStore.findById(record.id))?.expiresAt).toBe(record.expiresAt);
  });

  it('insert rejects records structuredClone cannot copy without storing anything', async () => {
    const { offerStore } = createMemoryStores();
    const record = createTestOfferRecord({ claims: { fn: () => 1 } });
    await expect(offerStore.insert(record)).rejects.toThrow();
    expect(await offerStore.findById(record.id)).toBeUndefined();
  });

  it('keeps no reference to the claims passed to persistClaims', async () => {
    const { userStore } = createMemoryStores();
    await userStore.create('u1', 1);
    const claims = { address: { city: 'Zürich' } };
    await userStore.persistClaims('u1', claims, 2);
    claims.address.city = 'Genève';
    const user = await userStore.findById('u1');
    expect(user?.claims).toEqual({ address: { city: 'Zürich' } });
    if (user) (user.claims.address as { city: string }).city = 'Bern';
    expect((await userStore.findById('u1'))?.claims).toEqual({ address: { city: 'Zürich' } });
  });

  it('two createMemoryStores calls share no state', async () => {
    const first = createMemoryStores();
    const second = createMemoryStores();
    const record = createTestOfferRecord();
    await first.offerStore.insert(record);
    await first.userStore.create('u1', 1);
    expect(await second.offerStore.findById(record.id)).toBeUndefined();
    expect(await second.userStore.findById('u1')).toBeUndefined();
    await expect(second.offerStore.insert(record)).resolves.toBeUndefined();
  });

  it('a sweep of 100 000 expired offers leaves none behind and frees the keys', async () => {
    const { offerStore } = createMemoryStores();
    const records = Array.from({ length: 100_000 }, () => createTestOfferRecord({ expiresAt: 1_000 }));
    for (const r of records) await offerStore.insert(r);
    expect(await offerStore.deleteExpired(1_000, 1_000_000)).toBe(100_000);
    expect(await offerStore.deleteExpired(1_000, 1_000_000)).toBe(0);
    const first = records[0];
    if (first === undefined) throw new Error('no records');
    await offerStore.insert(first);
    expect(await offerStore.findByCodeHash(first.codeHash)).toEqual(first);
  }, 60_000);

  it('deleteExpired with a zero, negative or NaN limit deletes nothing', async () => {
    const { offerStore } = createMemoryStores();
    const record = createTestOfferRecord({ expiresAt: 10 });
    await offerStore.insert(record);
    expect(await offerStore.deleteExpired(1_000, 0)).toBe(0);
    expect(await offerStore.deleteExpired(1_000, -1)).toBe(0);
    expect(await offerStore.deleteExpired(1_000, Number.NaN)).toBe(0);
    expect(await offerStore.findById(record.id)).toEqual(record);
  });
});
