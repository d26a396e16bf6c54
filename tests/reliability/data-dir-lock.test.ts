/**
 * One server per DATA_DIR, with real server processes: a second one on the same folder — on
 * another port, or on the same port as a failed restart would be — refuses to start, names the
 * process that holds the folder, exits 1 and touches nothing, while the first one's renders in
 * flight all finish. The first one SIGKILLed, the next start takes the folder over at once,
 * whatever the dead one's note says, and sweeps what it left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, OWNER_FILE, readOwner } from '@/server/data-dir/data-dir-lock';
import { SCRATCH_DIR } from '@/server/data-dir/scratch-dir';
import { newId } from '@/server/store/new-id';
import { getTask, submit, upload, waitForTask, waitForTasksToEnd } from '../support/api-calls';
import { fileTree } from '../support/file-tree';
import { ServerProcess } from '../support/server-process';
import { makeTestImage } from '../support/test-image';
import { makeDataDir } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

const TASKS = 6;
const ENV = { LOG_LEVEL: 'error', LOCAL_ENGINE_DELAY_MS: '3000' };
let dataDir: string;
let first: ServerProcess;
const servers: ServerProcess[] = [];

async function serverOn(options: { port?: number } = {}): Promise<ServerProcess> {
  const server = await ServerProcess.create(dataDir, ENV, { ...options, output: 'capture' });
  servers.push(server);
  return server;
}

const scratchDirs = () => fs.readdirSync(path.join(dataDir, SCRATCH_DIR)).sort();
/* SQLite's shared-memory index changes under mere reads; its size still may not. */
const tree = () => fileTree(dataDir, (file) => file.endsWith('-shm'));

beforeAll(async () => {
  dataDir = makeDataDir();
  first = await serverOn();
  await first.start();
});
afterAll(async () => {
  for (const server of servers) await server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a second server on the same DATA_DIR', () => {
  it('refuses to start, naming the first, whose tasks in flight all succeed', async () => {
    const image = await upload(first, await makeTestImage(512, 320));
    const ids = await Promise.all(
      Array.from(
        { length: TASKS },
        async (_, i) => (await submit(first, { prompt: `Shot ${i}`, image: image.url })).task_id,
      ),
    );
    await waitUntil('a task generating', async () => (await getTask(first, ids[0]!)).status === 'running');
    const [own] = scratchDirs();
    expect(own).toMatch(new RegExp(`^${first.child.pid}-\\d+$`));

    const elsewhere = await (await serverOn()).startRefused();
    const samePort = await (await serverOn({ port: Number(new URL(first.url).port) })).startRefused();
    for (const refused of [elsewhere, samePort]) {
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`DATA_DIR ${dataDir} is in use by another Hailuo Studio server`);
      expect(refused.output).toContain(`process ${first.child.pid} on ${os.hostname()}`);
      expect(refused.output).toContain(`at ${first.url}`);
      expect(refused.output).not.toMatch(/EADDRINUSE|at .*\.ts:\d+/);
    }

    await waitForTasksToEnd(first, ids, 90_000);
    for (const id of ids) {
      const task = await getTask(first, id);
      expect(task, JSON.stringify(task.error)).toMatchObject({ status: 'succeeded' });
      expect((await first.fetch(task.result!.video_url, { method: 'HEAD' })).status).toBe(200);
    }
    expect(scratchDirs()).toEqual([own]);
  }, 120_000);

  it('touches nothing: no migration, no sweep of leftovers, no scratch cleanup, no note', async () => {
    // Leftovers a starting server would sweep: a half video, a dead process's scratch, an old upload with no record.
    const planted = [
      path.join('media', 'videos', `${newId('tsk')}.mp4.part-0badc0de`),
      path.join(SCRATCH_DIR, '1-1', 'leftover.mp4'),
      path.join('local-engine', 'old.mp4'),
      path.join('media', 'uploads', `${newId('upl', Date.now() - 3_600_000)}.png`),
    ];
    for (const file of planted) {
      fs.mkdirSync(path.dirname(path.join(dataDir, file)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, file), 'left behind');
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(dataDir, planted[3]!), hourAgo, hourAgo);
    // The first server idle: nothing of its own moves in the folder any more.
    let before = tree();
    await waitUntil('the folder at rest', async () => {
      await new Promise((r) => setTimeout(r, 300));
      const now = tree();
      const still = JSON.stringify(now) === JSON.stringify(before);
      before = now;
      return still;
    });

    const refused = await (await serverOn()).startRefused();
    expect(refused.code).toBe(1);
    expect(tree()).toEqual(before);
    expect(readOwner(dataDir)?.pid).toBe(first.child.pid);
  });
});

describe('after the holder is killed', () => {
  it('the next server takes the folder at once, though the note names a live process, and sweeps what was left', async () => {
    const deadScratch = scratchDirs().find((dir) => dir.startsWith(`${first.child.pid}-`))!;
    const tasksBefore = fs.readdirSync(path.join(dataDir, 'media', 'videos')).filter((n) => n.endsWith('.mp4'));
    await first.kill();
    // A process id is no proof of life (ids are reused): the note names this very test process.
    fs.writeFileSync(path.join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: os.hostname() }));

    const next = await serverOn();
    await next.start();
    expect(readOwner(dataDir)).toMatchObject({ pid: next.child.pid, host: os.hostname(), origin: next.url });
    expect(scratchDirs()).toEqual([expect.stringMatching(new RegExp(`^${next.child.pid}-\\d+$`))]);
    expect(scratchDirs()).not.toContain(deadScratch);
    expect(fs.existsSync(path.join(dataDir, 'local-engine'))).toBe(false);
    const videos = fs.readdirSync(path.join(dataDir, 'media', 'videos'));
    expect(videos.filter((n) => n.includes('.part'))).toEqual([]);
    expect(videos.filter((n) => n.endsWith('.mp4')).sort()).toEqual(tasksBefore.sort());
    // Only the old upload without a record went; the one in use is still served.
    const uploads = fs.readdirSync(path.join(dataDir, 'media', 'uploads'));
    expect(uploads).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);

    const created = await submit(next, {
      prompt: 'After the takeover',
      image: `${next.url}/media/uploads/${uploads[0]}`,
    });
    expect(await waitForTask(next, created.task_id, undefined, 60_000)).toMatchObject({ status: 'succeeded' });
  }, 90_000);
});
