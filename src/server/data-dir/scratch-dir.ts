/**
 * Work files of this process alone (the local engine's renders): `DATA_DIR/scratch/<holder>/`,
 * removed on a clean stop. The folders of earlier processes are swept on start — their owners are
 * gone, because each held the DATA_DIR lock for its whole life and this process holds it now.
 * So call this only with that lock held (services.ts takes it first).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SCRATCH_DIR = 'scratch';
/* Where work files lived before they were per process: shared, so always an earlier server's. */
const LEGACY_WORK_DIRS = ['local-engine'];

export interface ScratchDir {
  path: string;
  /** Folders of earlier processes removed at start. */
  swept: number;
  remove(): void;
}

export function openScratchDir(dataDir: string, holderId: string): ScratchDir {
  const root = path.join(dataDir, SCRATCH_DIR);
  fs.mkdirSync(root, { recursive: true });
  let swept = 0;
  for (const name of fs.readdirSync(root)) {
    if (name === holderId) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    swept++;
  }
  for (const legacy of LEGACY_WORK_DIRS) {
    const dir = path.join(dataDir, legacy);
    if (!fs.existsSync(dir)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    swept++;
  }
  const own = path.join(root, holderId);
  fs.mkdirSync(own, { recursive: true });
  return { path: own, swept, remove: () => fs.rmSync(own, { recursive: true, force: true }) };
}
