import type { OfferRecord } from '../../ports/offer-record.js';
import { isOfferLiveAt } from './is-offer-live-at.js';

/**
 * A pure, synchronous reference model of the `OfferStore` contract, used as the oracle of the model-based
 * conformance check. It is deliberately naive (linear scans) so that it is obviously correct.
 * `insert` returns `'conflict'` instead of throwing; `deleteExpired` takes the ids to delete, because the port
 * leaves open WHICH expired records a limited sweep removes.
 */
export class OfferStoreModel {
  readonly #records = new Map<string, OfferRecord>();

  /** Every stored record (copies). */
  all(): OfferRecord[] {
    return [...this.#records.values()].map((r) => structuredClone(r));
  }

  insert(record: OfferRecord): 'ok' | 'conflict' {
    for (const r of this.#records.values()) {
      if (
        r.id === record.id ||
        r.codeHash === record.codeHash ||
        (record.referenceHash !== null && r.referenceHash === record.referenceHash)
      ) {
        return 'conflict';
      }
    }
    this.#records.set(record.id, structuredClone(record));
    return 'ok';
  }

  findById(id: string): OfferRecord | undefined {
    const r = this.#records.get(id);
    return r === undefined ? undefined : structuredClone(r);
  }

  findByCodeHash(codeHash: string): OfferRecord | undefined {
    const r = this.#byCodeHash(codeHash);
    return r === undefined ? undefined : structuredClone(r);
  }

  findByReferenceHash(referenceHash: string): OfferRecord | undefined {
    for (const r of this.#records.values()) {
      if (r.referenceHash === referenceHash) return structuredClone(r);
    }
    return undefined;
  }

  reserveTxAttempt(codeHash: string, now: number, maxAttempts: number): OfferRecord | undefined {
    const r = this.#byCodeHash(codeHash);
    if (r === undefined || !isOfferLiveAt(r, now) || r.attempts >= maxAttempts) return undefined;
    r.attempts += 1;
    return structuredClone(r);
  }

  consume(codeHash: string, now: number): OfferRecord | undefined {
    const r = this.#byCodeHash(codeHash);
    if (r === undefined || !isOfferLiveAt(r, now)) return undefined;
    r.consumedAt = now;
    return structuredClone(r);
  }

  lock(id: string, now: number): boolean {
    const r = this.#records.get(id);
    if (r === undefined || r.lockedAt !== null) return false;
    r.lockedAt = now;
    return true;
  }

  revoke(id: string, now: number): boolean {
    const r = this.#records.get(id);
    if (r === undefined || r.revokedAt !== null || now >= r.expiresAt) return false;
    r.revokedAt = now;
    return true;
  }

  revokeByUser(userId: string, now: number): number {
    let count = 0;
    for (const r of this.#records.values()) {
      if (r.userId === userId && isOfferLiveAt(r, now)) {
        r.revokedAt = now;
        count += 1;
      }
    }
    return count;
  }

  /** Ids of the records a sweep at `now` may delete (`expiresAt <= now`). */
  expiredIds(now: number): string[] {
    return [...this.#records.values()].filter((r) => r.expiresAt <= now).map((r) => r.id);
  }

  /** Applies the outcome of a sweep: removes exactly these ids. */
  delete(ids: Iterable<string>): void {
    for (const id of ids) this.#records.delete(id);
  }

  #byCodeHash(codeHash: string): OfferRecord | undefined {
    for (const r of this.#records.values()) {
      if (r.codeHash === codeHash) return r;
    }
    return undefined;
  }
}
