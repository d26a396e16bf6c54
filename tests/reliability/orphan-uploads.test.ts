/**
 * No upload file without its record. A store that fails after the file is written — here the
 * database held write-locked by another process, for real — takes the file away again; and what
 * a killed process left between the two is swept on the next start, except files young enough
 * to be an upload still in flight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import { newId } from '@/server/store/new-id';
import { postUpload, upload } from '../support/api-calls';
import { holdSqliteWriteLock } from '../support/sqlite-write-lock';
import { makeTestImage } from '../support/test-image';
import { makeDataDir, startTestApp, type TestServer } from '../support/test-server';

const dataDir = makeDataDir();
const uploadsDir = path.join(dataDir, 'media', 'uploads');
let server: TestServer | null = null;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('upload files and their records', () => {
  it('an upload whose record cannot be stored leaves no file', async () => {
    server = await startTestApp({}, dataDir);
    const image = await makeTestImage();
    const lock = await holdSqliteWriteLock(path.join(dataDir, DATABASE_FILE));
    try {
      const refused = await postUpload(server!, image);
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect(fs.readdirSync(uploadsDir)).toEqual([]);
    } finally {
      await lock.release();
    }
    // The lock gone, the same upload is stored whole: file and record.
    const stored = await upload(server, image);
    expect(fs.readdirSync(uploadsDir)).toEqual([path.basename(new URL(stored.url).pathname)]);
  }, 30_000);

  it('files a killed process left without a record are swept on start, but not young ones', async () => {
    const kept = fs.readdirSync(uploadsDir);
    await server!.stop();
    server = null;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const old = `${newId('upl', hourAgo.getTime())}.jpg`;
    const young = `${newId('upl')}.png`;
    const half = `${newId('upl')}.jpg.part-0badc0de`;
    for (const name of [old, young, half]) fs.writeFileSync(path.join(uploadsDir, name), 'no record');
    fs.utimesSync(path.join(uploadsDir, old), hourAgo, hourAgo);

    server = await startTestApp({}, dataDir);
    expect(fs.readdirSync(uploadsDir).sort()).toEqual([...kept, young].sort());
  });
});
