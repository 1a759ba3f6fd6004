import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isOfferKitError } from '../../errors/is-offer-kit-error.js';
import type { OfferRecord } from '../../ports/offer-record.js';
import type { OfferStore } from '../../ports/offer-store.js';
import type { ConformanceCase } from './conformance-case.js';
import { createTestOfferRecord } from './create-test-offer-record.js';
import { OfferStoreModel } from './offer-store-model.js';
import type { StoreFactory } from './store-factory.js';

interface ModelState {
  /** Time origin of this run: near 0 or in year 2100. */
  base: number;
  model: OfferStoreModel;
  /** Every record ever inserted, including swept ones, so commands can target gone offers too. */
  known: OfferRecord[];
}

type Cmd = fc.AsyncCommand<ModelState, OfferStore>;

const USERS = ['user-a', 'user-b', 'user-c'] as const;
/** Small offsets make `now` land on and around `expiresAt` often. */
const offsetArb = fc.integer({ min: 0, max: 40 });

function pickKnown(state: ModelState, pick: number): OfferRecord {
  const record = state.known[pick % state.known.length];
  assert.ok(record);
  return record;
}

async function assertSameStoredRecord(state: ModelState, real: OfferStore, id: string): Promise<void> {
  assert.deepStrictEqual(await real.findById(id), state.model.findById(id), `stored state of ${id}`);
}

class InsertCommand implements Cmd {
  constructor(
    readonly userIndex: number,
    readonly expiresOffset: number,
    readonly withReference: boolean,
    readonly attempts: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(state: ModelState, real: OfferStore): Promise<void> {
    const record = createTestOfferRecord(
      {
        userId: USERS[this.userIndex % USERS.length] ?? 'user-a',
        createdAt: state.base,
        expiresAt: state.base + this.expiresOffset,
        attempts: this.attempts,
        claims: { n: state.known.length },
      },
      { withReferenceHash: this.withReference },
    );
    assert.equal(state.model.insert(record), 'ok');
    state.known.push(record);
    await real.insert(record);
    await assertSameStoredRecord(state, real, record.id);
  }
  toString(): string {
    return `insert(user=${this.userIndex}, exp=+${this.expiresOffset}, ref=${this.withReference}, attempts=${this.attempts})`;
  }
}

class InsertDuplicateCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly key: 'id' | 'codeHash' | 'referenceHash',
  ) {}
  check(): boolean {
    return true;
  }
  async run(state: ModelState, real: OfferStore): Promise<void> {
    if (state.known.length === 0) return;
    const existing = pickKnown(state, this.pick);
    const candidate = createTestOfferRecord(
      { createdAt: state.base, expiresAt: state.base + 20 },
      { withReferenceHash: true },
    );
    const record: OfferRecord =
      this.key === 'referenceHash' && existing.referenceHash === null
        ? { ...candidate, id: existing.id }
        : { ...candidate, [this.key]: existing[this.key] };
    const expected = state.model.insert(record);
    let actual: 'ok' | 'conflict' = 'ok';
    try {
      await real.insert(record);
    } catch (error) {
      if (!(isOfferKitError(error) && error.code === 'conflict')) throw error;
      actual = 'conflict';
    }
    assert.equal(actual, expected, 'insert outcome');
    if (expected === 'ok') state.known.push(record);
    await assertSameStoredRecord(state, real, record.id);
  }
  toString(): string {
    return `insertDuplicate(#${this.pick}, ${this.key})`;
  }
}

abstract class PickedCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly nowOffset: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(state: ModelState, real: OfferStore): Promise<void> {
    // With nothing inserted yet, target an offer that does not exist.
    const record = state.known.length === 0 ? createTestOfferRecord() : pickKnown(state, this.pick);
    await this.apply(state, real, record, state.base + this.nowOffset);
    await assertSameStoredRecord(state, real, record.id);
  }
  abstract apply(state: ModelState, real: OfferStore, record: OfferRecord, now: number): Promise<void>;
  abstract toString(): string;
}

class ConsumeCommand extends PickedCommand {
  async apply(state: ModelState, real: OfferStore, record: OfferRecord, now: number): Promise<void> {
    assert.deepStrictEqual(
      await real.consume(record.codeHash, now),
      state.model.consume(record.codeHash, now),
    );
  }
  toString(): string {
    return `consume(#${this.pick}, +${this.nowOffset})`;
  }
}

class ReserveCommand extends PickedCommand {
  constructor(
    pick: number,
    nowOffset: number,
    readonly maxAttempts: number,
  ) {
    super(pick, nowOffset);
  }
  async apply(state: ModelState, real: OfferStore, record: OfferRecord, now: number): Promise<void> {
    assert.deepStrictEqual(
      await real.reserveTxAttempt(record.codeHash, now, this.maxAttempts),
      state.model.reserveTxAttempt(record.codeHash, now, this.maxAttempts),
    );
  }
  toString(): string {
    return `reserveTxAttempt(#${this.pick}, +${this.nowOffset}, max=${this.maxAttempts})`;
  }
}

class LockCommand extends PickedCommand {
  async apply(state: ModelState, real: OfferStore, record: OfferRecord, now: number): Promise<void> {
    assert.equal(await real.lock(record.id, now), state.model.lock(record.id, now));
  }
  toString(): string {
    return `lock(#${this.pick}, +${this.nowOffset})`;
  }
}

class RevokeCommand extends PickedCommand {
  async apply(state: ModelState, real: OfferStore, record: OfferRecord, now: number): Promise<void> {
    assert.equal(await real.revoke(record.id, now), state.model.revoke(record.id, now));
  }
  toString(): string {
    return `revoke(#${this.pick}, +${this.nowOffset})`;
  }
}

class FindCommand extends PickedCommand {
  async apply(state: ModelState, real: OfferStore, record: OfferRecord): Promise<void> {
    assert.deepStrictEqual(
      await real.findByCodeHash(record.codeHash),
      state.model.findByCodeHash(record.codeHash),
    );
    if (record.referenceHash !== null) {
      assert.deepStrictEqual(
        await real.findByReferenceHash(record.referenceHash),
        state.model.findByReferenceHash(record.referenceHash),
      );
    }
  }
  toString(): string {
    return `find(#${this.pick})`;
  }
}

class RevokeByUserCommand implements Cmd {
  constructor(
    readonly userIndex: number,
    readonly nowOffset: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(state: ModelState, real: OfferStore): Promise<void> {
    const userId = USERS[this.userIndex % USERS.length] ?? 'user-a';
    const now = state.base + this.nowOffset;
    assert.equal(
      await real.revokeByUser(userId, now),
      state.model.revokeByUser(userId, now),
      'revoked count',
    );
    for (const r of state.model.all()) await assertSameStoredRecord(state, real, r.id);
  }
  toString(): string {
    return `revokeByUser(${this.userIndex}, +${this.nowOffset})`;
  }
}

class DeleteExpiredCommand implements Cmd {
  constructor(
    readonly nowOffset: number,
    readonly limit: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(state: ModelState, real: OfferStore): Promise<void> {
    const now = state.base + this.nowOffset;
    const expired = new Set(state.model.expiredIds(now));
    const deleted = await real.deleteExpired(now, this.limit);
    assert.equal(deleted, Math.min(this.limit, expired.size), 'deleted count');
    const gone: string[] = [];
    for (const r of state.model.all()) {
      if ((await real.findById(r.id)) === undefined) gone.push(r.id);
    }
    for (const id of gone) assert.ok(expired.has(id), `deleteExpired removed the unexpired offer ${id}`);
    assert.equal(gone.length, deleted, 'records actually removed');
    state.model.delete(gone);
    for (const r of state.model.all()) await assertSameStoredRecord(state, real, r.id);
  }
  toString(): string {
    return `deleteExpired(+${this.nowOffset}, limit=${this.limit})`;
  }
}

const pickArb = fc.nat({ max: 1_000 });

const commandArbs = [
  fc
    .tuple(fc.nat({ max: 2 }), offsetArb, fc.boolean(), fc.integer({ min: 0, max: 3 }))
    .map(([u, e, ref, a]) => new InsertCommand(u, e, ref, a)),
  fc
    .tuple(pickArb, fc.constantFrom('id' as const, 'codeHash' as const, 'referenceHash' as const))
    .map(([p, k]) => new InsertDuplicateCommand(p, k)),
  fc.tuple(pickArb, offsetArb).map(([p, o]) => new ConsumeCommand(p, o)),
  fc
    .tuple(pickArb, offsetArb, fc.integer({ min: 0, max: 4 }))
    .map(([p, o, m]) => new ReserveCommand(p, o, m)),
  fc.tuple(pickArb, offsetArb).map(([p, o]) => new LockCommand(p, o)),
  fc.tuple(pickArb, offsetArb).map(([p, o]) => new RevokeCommand(p, o)),
  fc.tuple(pickArb, offsetArb).map(([p, o]) => new FindCommand(p, o)),
  fc.tuple(fc.nat({ max: 2 }), offsetArb).map(([u, o]) => new RevokeByUserCommand(u, o)),
  fc.tuple(offsetArb, fc.integer({ min: 0, max: 4 })).map(([o, l]) => new DeleteExpiredCommand(o, l)),
];

/**
 * The model-based case: random command sequences (insert, duplicate insert, consume, reserve, lock, revoke,
 * revokeByUser, deleteExpired, find) with random `now` values around the expiry instants, near 0 and in year
 * 2100, run against a fresh store and `OfferStoreModel`; every result and the touched records must agree.
 */
export function offerStoreModelCase(factory: StoreFactory, numRuns: number): ConformanceCase {
  return {
    name: `offerStore: random command sequences agree with the reference model (${numRuns} runs)`,
    timeoutMs: 300_000,
    run: async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(1_000, 4_102_444_800_000),
          fc.commands(commandArbs, { maxCommands: 60, size: 'large' }),
          async (base, commands) => {
            const stores = await factory();
            try {
              await fc.asyncModelRun(
                () => ({ model: { base, model: new OfferStoreModel(), known: [] }, real: stores.offerStore }),
                commands,
              );
            } finally {
              await stores.cleanup?.();
            }
          },
        ),
        { numRuns },
      );
    },
  };
}
