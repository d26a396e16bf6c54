import { createHash } from 'node:crypto';

/** A number in [0, 1) fixed by `text`: the same task gets the same dice after a restart. */
export function stableFraction(text: string, salt = ''): number {
  const digest = createHash('sha256').update(`${salt}:${text}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}
