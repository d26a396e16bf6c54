/**
 * A fleet: three server processes on one PostgreSQL database and one S3-compatible bucket
 * (s3rver on 127.0.0.1), each with a DATA_DIR of its own, the local preview engine rendering
 * real MP4s. Tasks are submitted to each; server A is SIGKILLed while ffmpeg is writing one of
 * its renders. B and C make that render again; every task ends exactly once, charged once; every
 * video plays from a surviving server (Range GET of real MP4 bytes, ffprobe on the whole file);
 * and once A is back (sweeping the scratch files its killed process left), no server has a
 * video or an image on its own disk: everything a person needs is in the bucket.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { LOCAL_STARTING_CREDITS } from '@/shared/limits';
import { isFinalStatus } from '@/shared/status';
import { probeVideo } from '@/server/media/probe-video';
import { getJson, submit, upload, waitForTasksToEnd } from '../support/api-calls';
import { expectBooksBalance } from '../support/expect-books-balance';
import { mediaFilesOnDisk, startTestS3, type TestS3 } from '../support/s3-server';
import { ServerProcess } from '../support/server-process';
import { testDatabaseEnv } from '../support/test-database';
import { makeTestImage } from '../support/test-image';
import { makeDataDir } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

const LEASE_MS = 3000;
/* Real encodes on two shared cores: one task each, A's cut mid-render. */
const TASKS_PER_SERVER = [1, 1, 1];

let s3: TestS3;
let servers: ServerProcess[] = [];
const ids: string[] = [];
let tasks: Task[] = [];
/* The task whose render A's ffmpeg was writing when A was killed. */
let cut: string;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));

/* A render in progress in `server`'s own scratch folder: ffmpeg writes `<task>.mp4.part-…` there. */
function rendering(server: ServerProcess): string[] {
  const root = path.join(server.dataDir, 'scratch');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /tsk_[0-9a-z]{26}\.mp4\.part-/.test(name));
}

beforeAll(async () => {
  s3 = await startTestS3();
  const dirs = [makeDataDir(), makeDataDir(), makeDataDir()];
  const env = {
    LOG_LEVEL: 'error',
    // Long enough that the kill lands mid-render, short enough for a 2-core machine.
    LOCAL_ENGINE_DELAY_MS: '3000',
    TASK_LEASE_MS: String(LEASE_MS),
    ...s3.env,
    // One database for all three (the first folder names its schema), each its own DATA_DIR.
    ...(await testDatabaseEnv(dirs[0]!)),
  };
  servers = await Promise.all(dirs.map((dir) => ServerProcess.create(dir, env)));
  for (const server of servers) await server.start();
}, 90_000);
afterAll(async () => {
  for (const server of servers) {
    await server.kill();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  await s3?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('three servers, one database, one bucket', () => {
  it('takes tasks on every server; A is killed while ffmpeg writes one of its renders', async () => {
    const [a] = servers;
    for (const [i, server] of servers.entries()) {
      const image = await upload(server, await makeTestImage(640 + i * 16, 400));
      for (let n = 0; n < TASKS_PER_SERVER[i]!; n++) {
        ids.push((await submit(server, { prompt: `Fleet shot ${i}.${n}`, image: image.url })).task_id);
      }
    }
    await waitUntil('A to be writing a render', () => rendering(a!).length > 0, 60_000);
    await a!.kill();
    cut = /(tsk_[0-9a-z]{26})\.mp4\.part-/.exec(rendering(a!)[0]!)![1]!;
    expect(ids).toContain(cut);
  }, 90_000);

  it('B and C end every task exactly once, A’s cut render made again, and the books balance', async () => {
    const [, b, c] = servers;
    await waitForTasksToEnd(b!, ids, 200_000);
    for (const id of ids) {
      const { events } = await getJson(c!, `/api/v1/tasks/${id}/history`, taskHistorySchema);
      expect(events.filter((e) => isFinalStatus(e.status)).map((e) => e.status)).toEqual(['succeeded']);
    }
    // The render cut with A was made again by B or C (A is dead): its video is in the bucket.
    expect(await s3.keys('videos/')).toContain(`videos/${cut}.mp4`);
    tasks = await expectBooksBalance(b!, LOCAL_STARTING_CREDITS);
    expect(tasks.map((t) => t.task_id).sort()).toEqual([...ids].sort());
    expect(tasks.every((t) => t.status === 'succeeded')).toBe(true);
  }, 240_000);

  it('plays every video from a surviving server: Range GET of real MP4 bytes, ffprobe on the whole', async () => {
    const survivors = servers.slice(1);
    for (const [i, task] of tasks.entries()) {
      const server = survivors[i % survivors.length]!;
      const url = task.result!.video_url;
      const start = await server.fetch(url, { headers: { Range: 'bytes=0-63' } });
      expect(start.status).toBe(206);
      expect(strFromU8(new Uint8Array(await start.arrayBuffer()).subarray(4, 8))).toBe('ftyp');
      const whole = await server.fetch(url);
      expect(whole.status).toBe(200);
      const file = path.join(scratch, `${task.task_id}.mp4`);
      fs.writeFileSync(file, Buffer.from(await whole.arrayBuffer()));
      expect(await probeVideo(file)).toMatchObject({ codec: 'h264', width: task.result!.width });
    }
  }, 120_000);

  it('keeps every video, poster and upload in the bucket and none on any server’s disk', async () => {
    const [a] = servers;
    // A back: it sweeps what its killed process left in its scratch folder.
    await a!.start();
    const keys = await s3.keys();
    for (const task of tasks) {
      expect(keys).toContain(`videos/${task.task_id}.mp4`);
      expect(keys).toContain(`posters/${task.task_id}.jpg`);
    }
    expect(keys.filter((k) => k.startsWith('videos/'))).toHaveLength(tasks.length);
    expect(keys.filter((k) => k.startsWith('uploads/'))).toHaveLength(servers.length);
    // A server may have rendered a task another one ended (each poll goes to whichever server
    // claims it): its local engine drops such a render once nobody has asked about it for 30 s.
    const onDisks = () => servers.flatMap((s) => mediaFilesOnDisk(s.dataDir).map((file) => `${s.url} ${file}`));
    await waitUntil('no media on any server’s disk', () => onDisks().length === 0, 60_000).catch(() => undefined);
    expect(onDisks()).toEqual([]);
  }, 120_000);
});
