/**
 * Restart safety with the local preview engine and a real process kill: a batch of 8 tasks (a
 * quarter of them failing, as LOCAL_ENGINE_FAILURE_RATE says), the server SIGKILLed right after
 * the submits and again mid-generation, restarted on the same DATA_DIR each time. Every task
 * ends exactly once, with a real video or a reason; nothing is left half-written; the simulated
 * balance is the starting 1000 less one charge per succeeded task.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema } from '@/shared/contract';
import { LOCAL_STARTING_CREDITS } from '@/shared/limits';
import { isFinalStatus } from '@/shared/status';
import { getJson, getTask, submit, upload, waitForTasksToEnd } from '../support/api-calls';
import { makeTestImage } from '../support/test-image';
import { makeDataDir } from '../support/test-server';
import { allTasks, expectBooksBalance } from '../support/expect-books-balance';
import { ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

const TASKS = 8;
let server: ServerProcess;
let dataDir: string;
let ids: string[] = [];

beforeAll(async () => {
  dataDir = makeDataDir();
  server = await ServerProcess.create(dataDir, {
    LOG_LEVEL: 'error',
    LOCAL_ENGINE_DELAY_MS: '1500',
    LOCAL_ENGINE_FAILURE_RATE: '0.5',
  });
  await server.start();
});
afterAll(async () => {
  await server?.kill();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const statuses = async () => Promise.all(ids.map(async (id) => (await getTask(server, id)).status));

describe('SIGKILL during a batch, local engine', () => {
  it('is killed right after the submits are answered', async () => {
    const image = await upload(server, await makeTestImage(480, 320));
    const created = await Promise.all(
      Array.from({ length: TASKS }, (_, i) => submit(server, { prompt: `Shot ${i}`, image: image.url })),
    );
    ids = created.map((c) => c.task_id);
    await server.kill();
  });

  it('is killed again mid-generation', async () => {
    await server.start();
    // Some task generating (or, should every one of them be failing, all of them ended).
    await waitUntil('a task generating', async () => {
      const now = await statuses();
      return now.includes('running') || now.every(isFinalStatus);
    });
    await server.kill();
  });

  it('after the last restart, ends every task exactly once, with a video or a reason', async () => {
    await server.start();
    // Encodes restart after a kill; on a busy 2-core machine one takes several seconds.
    await waitForTasksToEnd(server, ids, 90_000);
    const tasks = await allTasks(server);
    expect(tasks).toHaveLength(TASKS);
    for (const task of tasks) {
      const { events } = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
      expect(events.filter((e) => isFinalStatus(e.status))).toHaveLength(1);
      expect(events.filter((e) => e.source === 'recovery').length).toBeGreaterThanOrEqual(1);
      if (task.status === 'succeeded') {
        const video = await server.fetch(task.result!.video_url, { method: 'HEAD' });
        expect(video.headers.get('content-type')).toBe('video/mp4');
      } else expect(task.error!.message).toMatch(/Simulated by the local preview engine/);
    }
    const succeeded = tasks.filter((t) => t.status === 'succeeded').map((t) => `${t.task_id}.mp4`);
    expect(fs.readdirSync(path.join(dataDir, 'media', 'videos')).sort()).toEqual(succeeded.sort());
  }, 120_000);

  it('charged each succeeded task once and nothing else: the books balance', async () => {
    await expectBooksBalance(server, LOCAL_STARTING_CREDITS);
  });
});
