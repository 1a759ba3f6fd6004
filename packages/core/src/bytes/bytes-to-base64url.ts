const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
// Arguments per String.fromCharCode call, well below every engine's limit.
const CHUNK = 8192;
const scratch = new Uint8Array(128);

/**
 * base64url without padding (RFC 4648 §5). Portable: no `Buffer`. The characters are written into a byte array
 * and turned into a string in one call, so the result is flat: concatenating character by character left V8 ropes of
 * about 490 bytes for a 43-character digest, which every stored offer kept.
 */
export function bytesToBase64url(bytes: Uint8Array): string {
  const size = Math.ceil((bytes.length * 4) / 3);
  // Digests are small: reuse one scratch buffer (the function is synchronous) instead of allocating per call.
  const out = size <= scratch.length ? scratch : new Uint8Array(size);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
  }
  let text = '';
  for (let start = 0; start < o; start += CHUNK) {
    text += String.fromCharCode.apply(
      null,
      out.subarray(start, Math.min(o, start + CHUNK)) as unknown as number[],
    );
  }
  return text;
}
