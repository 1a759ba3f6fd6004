import type { OfferRecord } from '@offerkit/core';

/**
 * The state of the memory offer store: records by id plus unique indexes by code hash and reference hash. Internal and synchronous; it hands out its own (mutable) records, so only the store may
 * hold it, and the store copies everything that crosses its boundary.
 */
export class MemoryOfferTable {
  readonly #byId = new Map<string, OfferRecord>();
  readonly #idByCodeHash = new Map<string, string>();
  readonly #idByReferenceHash = new Map<string, string>();

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
