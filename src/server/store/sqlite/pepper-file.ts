/**
 * The kept pepper on SQLite (AccessStore.pepper): made once and kept in DATA_DIR/access-pepper,
 * readable by the owner only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PEPPER_FILE = 'access-pepper';

export function readPepperFile(dataDir: string): string {
  const file = path.join(dataDir, PEPPER_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once (the server and the keys command) keep one pepper.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}
