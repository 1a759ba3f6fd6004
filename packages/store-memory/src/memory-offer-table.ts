import type { OfferRecord } from '@offerkit/core';

/** How many distinct credential lists and tx code descriptions the table shares between records at most. */
const MAX_SHARED_VALUES = 1024;

/**
 * The state of the memory offer store: records by id plus unique indexes by code hash and reference hash.
 * Internal and synchronous; it hands out its own (mutable) records, so only the store may hold it, and the store
 * copies everything that crosses its boundary.
 *
 * Records with equal `credentials` or `txCode` share one stored value (most offers of an issuer repeat a few
 * shapes), which saves about 60 bytes per live offer. Shared values are never mutated: the store's writes touch
 * only the instants and `attempts`, and copies handed out are deep.
 */
export class MemoryOfferTable {
  readonly #byId = new Map<string, OfferRecord>();
  readonly #idByCodeHash = new Map<string, string>();
  readonly #idByReferenceHash = new Map<string, string>();
  readonly #shared = new Map<string, unknown>();

  /** Number of stored records. */
  get size(): number {
    return this.#byId.size;
  }

  getById(id: string): OfferRecord | undefined {
    return this.#byId.get(id);
  }

  getByCodeHash(codeHash: string): OfferRecord | undefined {
    const id = this.#idByCodeHash.get(codeHash);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  getByReferenceHash(referenceHash: string): OfferRecord | undefined {
    const id = this.#idByReferenceHash.get(referenceHash);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** True when the id, code hash or (non-null) reference hash of `record` is taken. */
  collides(record: OfferRecord): boolean {
    return (
      this.#byId.has(record.id) ||
      this.#idByCodeHash.has(record.codeHash) ||
      (record.referenceHash !== null && this.#idByReferenceHash.has(record.referenceHash))
    );
  }

  /** Adds a record the caller owns exclusively; the caller has checked `collides` first. */
  add(record: OfferRecord): void {
    record.credentials = this.#share(record.credentials);
    if (record.txCode !== null) record.txCode = this.#share(record.txCode);
    this.#byId.set(record.id, record);
    this.#idByCodeHash.set(record.codeHash, record.id);
    if (record.referenceHash !== null) this.#idByReferenceHash.set(record.referenceHash, record.id);
  }

  #share<T>(value: T): T {
    const key = JSON.stringify(value);
    const existing = this.#shared.get(key);
    if (existing !== undefined) return existing as T;
    if (this.#shared.size < MAX_SHARED_VALUES) this.#shared.set(key, value);
    return value;
  }

  /** Removes a record and its index entries. */
  remove(record: OfferRecord): void {
    this.#byId.delete(record.id);
    this.#idByCodeHash.delete(record.codeHash);
    if (record.referenceHash !== null) this.#idByReferenceHash.delete(record.referenceHash);
  }

  /**
   * The records of one user. A scan rather than an index: revoking by user is a rare administrative call, and a
   * per-user index cost about 200 bytes for every live offer.
   */
  *recordsOfUser(userId: string): IterableIterator<OfferRecord> {
    for (const record of this.#byId.values()) if (record.userId === userId) yield record;
  }

  /** All records, oldest insert first. */
  records(): IterableIterator<OfferRecord> {
    return this.#byId.values();
  }
}
