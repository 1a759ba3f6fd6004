/**
 * Compares two byte arrays in time that depends only on their lengths. Different lengths give false without
 * throwing (callers compare fixed-length digests, so the length is not a secret).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
