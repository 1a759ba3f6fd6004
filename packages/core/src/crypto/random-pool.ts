/** Fills a buffer with CSPRNG bytes. */
export type FillRandom = (target: Uint8Array) => void;

/**
 * Serves random bytes from a refillable pool so that a burst of small requests costs one system call per
 * `poolSize` bytes. Each request gets its own region of the pool (a view, not a copy: no second copy of a
 * secret is ever made), regions are never handed out twice, and an exhausted pool is replaced, never refilled in
 * place, so earlier views keep their bytes.
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
      pool = new Uint8Array(poolSize);
      fill(pool);
      offset = 0;
    }
    const out = pool.subarray(offset, offset + length);
    offset += length;
    return out;
  };
}
