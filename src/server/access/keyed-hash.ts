import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of a secret under the pepper, hex: what is stored instead of the secret. */
export function keyedHash(pepper: Buffer, purpose: string, secret: string): string {
  return createHmac('sha256', pepper).update(`${purpose}\0${secret}`).digest('hex');
}

/** Compares two hex digests in constant time (equal length by construction). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
