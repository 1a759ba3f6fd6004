/** A user that offers belong to. */
export interface UserRecord {
  id: string;
  /** Claims saved through `claimsToPersist`, merged into every later offer for this user. */
  claims: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/**
 * Persistence of users. Same rules as `OfferStore`: time only through `now`, failures as
 * `OfferKitError('unavailable')`.
 */
export interface UserStore {
  /** Creates a user with this id and no claims. MUST throw `OfferKitError('conflict')` when it exists. */
  create(id: string, now: number): Promise<void>;
  /** Returns the user, or undefined. */
  findById(id: string): Promise<UserRecord | undefined>;
  /**
   * Shallow-merges `claims` into the user's claims (new keys win) as one atomic step. Returns false when the
   * user does not exist.
   */
  persistClaims(id: string, claims: Record<string, unknown>, now: number): Promise<boolean>;
}
