/**
 * The secret mixed into every stored key and session hash (HMAC-SHA256), so a copy of
 * access.sqlite alone cannot be used to check guesses. AUTH_PEPPER wins; otherwise a random
 * one is made once and kept in DATA_DIR/access-pepper, readable by the owner only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PEPPER_FILE = 'access-pepper';

export function loadPepper(dataDir: string, configured: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, PEPPER_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once (the server and the keys command) keep one pepper.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
}
