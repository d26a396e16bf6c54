/** A tiny "built page" in a test's DATA_DIR, so the SPA routes answer a page instead of "not built yet" (503). */
import fs from 'node:fs';
import path from 'node:path';

export const FAKE_INDEX = '<!doctype html><title>the page</title>';
export const FAKE_SCRIPT = 'console.log(1)';

/** Writes `dist/index.html` and `dist/assets/app.js` under `dataDir`; returns the dist folder for DIST_DIR. */
export function writeFakeDist(dataDir: string): string {
  const dist = path.join(dataDir, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), FAKE_INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), FAKE_SCRIPT);
  return dist;
}
