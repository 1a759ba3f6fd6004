import { randomBytes } from 'node:crypto';

/** A table prefix no other run uses, e.g. `ok_1a2b3c4d_`. */
export function createRandomTablePrefix(): string {
  return `ok_${randomBytes(4).toString('hex')}_`;
}
