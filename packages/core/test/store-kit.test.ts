import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../src/ports/clock.js';
import type { OfferCrypto } from '../src/ports/offer-crypto.js';
import { createSeededCrypto, ManualClock } from '../src/testing/store/index.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ManualClock', () => {
  it('starts at 0 or the given instant and only moves when told', () => {
    const clock: Clock = new ManualClock();
    expect(clock.now()).toBe(0);
    expect(clock.now()).toBe(0);
    const late = new ManualClock(4_102_444_800_000);
    expect(late.now()).toBe(4_102_444_800_000);
  });

  it('set moves to an instant, advance moves by a delta and returns the new instant', () => {
    const clock = new ManualClock(1_000);
    clock.set(1_999);
    expect(clock.now()).toBe(1_999);
    expect(clock.advance(1)).toBe(2_000);
    expect(clock.now()).toBe(2_000);
    expect(clock.advance(-500)).toBe(1_500);
    clock.set(0);
    expect(clock.now()).toBe(0);
  });

  it('rejects instants that are not safe integers (Clock.now MUST be an integer)', () => {
    expect(() => new ManualClock(1.5)).toThrow(RangeError);
    const clock = new ManualClock(10);
    expect(() => clock.set(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(0.5)).toThrow(RangeError);
    expect(() => clock.set(Number.MAX_SAFE_INTEGER)).not.toThrow();
    expect(() => clock.advance(1)).toThrow(RangeError);
    expect(clock.now()).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('createSeededCrypto', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createSeededCrypto('seed-1');
    const b = createSeededCrypto('seed-1');
    const c = createSeededCrypto('seed-2');
    const d = createSeededCrypto(1);
    const fromA = a.randomBytes(64);
    expect(hex(b.randomBytes(64))).toBe(hex(fromA));
    expect(hex(c.randomBytes(64))).not.toBe(hex(fromA));
    expect(hex(d.randomBytes(64))).not.toBe(hex(createSeededCrypto('1').randomBytes(64)));
    expect(hex(createSeededCrypto(new Uint8Array([1, 2, 3])).randomBytes(8))).toBe(
      hex(createSeededCrypto(new Uint8Array([1, 2, 3])).randomBytes(8)),
    );
  });

  it('is an HMAC-SHA-256 counter DRBG keyed by SHA-256 of the seed', () => {
    const key = createHash('sha256').update('s:abc').digest();
    const block = (n: number) => {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(BigInt(n));
      return createHmac('sha256', key).update(counter).digest('hex');
    };
    expect(hex(createSeededCrypto('abc').randomBytes(96))).toBe(block(0) + block(1) + block(2));
  });

  it('consumes its stream in order and never returns the same bytes twice', () => {
    const whole = createSeededCrypto('stream').randomBytes(100);
    const pieces = createSeededCrypto('stream');
    const parts = [
      pieces.randomBytes(1),
      pieces.randomBytes(31),
      pieces.randomBytes(0),
      pieces.randomBytes(68),
    ];
    expect(hex(Buffer.concat(parts))).toBe(hex(whole));
    const crypto = createSeededCrypto('unique');
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(hex(crypto.randomBytes(16)));
    expect(seen.size).toBe(2_000);
  });

  it('rejects invalid lengths and seeds', () => {
    const crypto = createSeededCrypto('x');
    expect(() => crypto.randomBytes(-1)).toThrow(RangeError);
    expect(() => crypto.randomBytes(1.5)).toThrow(RangeError);
    expect(() => createSeededCrypto(0.5)).toThrow(RangeError);
  });

  it('sha256 and hmacSha256 match known answers', () => {
    const crypto: OfferCrypto = createSeededCrypto('kat');
    expect(hex(crypto.sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    // RFC 4231 test case 2.
    expect(
      hex(
        crypto.hmacSha256(
          new TextEncoder().encode('Jefe'),
          new TextEncoder().encode('what do ya want for nothing?'),
        ),
      ),
    ).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('timingSafeEqual compares content and returns false (never throws) on length mismatch', () => {
    const crypto = createSeededCrypto('eq');
    expect(crypto.timingSafeEqual(bytes('00ff10'), bytes('00ff10'))).toBe(true);
    expect(crypto.timingSafeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(crypto.timingSafeEqual(bytes('00ff10'), bytes('00ff11'))).toBe(false);
    expect(crypto.timingSafeEqual(bytes('01ff10'), bytes('00ff10'))).toBe(false);
    expect(crypto.timingSafeEqual(bytes('00ff'), bytes('00ff10'))).toBe(false);
    expect(crypto.timingSafeEqual(bytes('00ff10'), bytes('00ff'))).toBe(false);
  });
});
