/** Fills a buffer with CSPRNG bytes. */
export type FillRandom = (target: Uint8Array) => void;

/**
 * Serves random bytes from a refillable pool so that a burst of small requests costs one system call per
 * `poolSize` bytes. Bytes are handed out once and never again.
 */
export function createRandomPool(fill: FillRandom, poolSize = 4096): (length: number) => Uint8Array {
  let pool = new Uint8Array(poolSize);
  let offset = poolSize;
  return (length: number): Uint8Array => {
    if (!Number.isInteger(length) || length < 0)
      throw new RangeError('randomBytes: length must be a whole number');
    if (length > poolSize) {
      const out = new Uint8Array(length);
      fill(out);
      return out;
    }
    if (offset + length > poolSize) {
      // A fresh buffer rather than refilling in place: slices handed out earlier stay untouched.
      pool = new Uint8Array(poolSize);
      fill(pool);
      offset = 0;
    }
    const out = pool.slice(offset, offset + length);
    // Zero what was handed out so the pool never holds a copy of a secret it has served.
    pool.fill(0, offset, offset + length);
    offset += length;
    return out;
  };
}
