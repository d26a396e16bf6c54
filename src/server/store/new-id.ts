import { randomBytes } from 'node:crypto';

/* Crockford's base32: sortable as text, no ambiguous letters, safe in URLs and file names. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomPart(): string {
  const bytes = randomBytes(RANDOM_CHARS);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

/**
 * A ULID-like id: `prefix_` + 10 characters of milliseconds + 16 random characters (80 bits),
 * so ids sort by creation time as plain text and cannot be guessed.
 */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${randomPart()}`;
}
