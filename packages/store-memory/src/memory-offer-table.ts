import type { OfferRecord } from '@offerkit/core';

/**
 * The state of the memory offer store: records by id plus unique indexes by code hash and reference hash, and
 * an index by user. Internal and synchronous; it hands out its own (mutable) records, so only the store may
 * hold it, and the store copies everything that crosses its boundary.
 */
export class MemoryOfferTable {
  readonly #byId = new Map<string, OfferRecord>();
  readonly #idByCodeHash = new Map<string, string>();
  readonly #idByReferenceHash = new Map<string, string>();
  readonly #idsByUser = new Map<string, Set<string>>();

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
    this.#byId.set(record.id, record);
    this.#idByCodeHash.set(record.codeHash, record.id);
    if (record.referenceHash !== null) this.#idByReferenceHash.set(record.referenceHash, record.id);
    let ids = this.#idsByUser.get(record.userId);
    if (ids === undefined) {
      ids = new Set();
      this.#idsByUser.set(record.userId, ids);
    }
    ids.add(record.id);
  }

  /** Removes a record and its index entries. */
  remove(record: OfferRecord): void {
    this.#byId.delete(record.id);
    this.#idByCodeHash.delete(record.codeHash);
    if (record.referenceHash !== null) this.#idByReferenceHash.delete(record.referenceHash);
    const ids = this.#idsByUser.get(record.userId);
    ids?.delete(record.id);
    if (ids?.size === 0) this.#idsByUser.delete(record.userId);
  }

  /** The records of one user. */
  *recordsOfUser(userId: string): IterableIterator<OfferRecord> {
    for (const id of this.#idsByUser.get(userId) ?? []) {
      const record = this.#byId.get(id);
      if (record !== undefined) yield record;
    }
  }

  /** All records, oldest insert first. */
  records(): IterableIterator<OfferRecord> {
    return this.#byId.values();
  }
}
