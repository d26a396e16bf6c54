/**
 * Tasks failed by faults on the server's side end in plain words — no path, no temporary file
 * name, no tool output — while their history keeps the detail for support, without server paths.
 * Each fault is made for real: the scratch folder taken away under a running server (what a
 * second server on the same folder used to do), before a render and after one; an upload's file
 * gone from under its record. (A full disk: full-disk.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { SCRATCH_DIR } from '@/server/data-dir/scratch-dir';
import { getJson, submit, upload, waitForTask } from '../support/api-calls';
import { expectNoServerPaths, expectPlainWords } from '../support/plain-words';
import { makeTestImage } from '../support/test-image';
import { startTestApp, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

let server: TestServer;
let imageUrl: string;
let scratch: string;

beforeAll(async () => {
  // Long enough that the render is done well before the copy, also on a loaded machine.
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '8000' });
  imageUrl = (await upload(server, await makeTestImage(512, 320))).url;
  const [own] = fs.readdirSync(path.join(server.dataDir, SCRATCH_DIR));
  scratch = path.join(server.dataDir, SCRATCH_DIR, own!);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function expectPlainFailure(task: Task, code: string): Promise<string> {
  expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code } });
  expectPlainWords(task.error!.message, server.dataDir);
  const story = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
  for (const event of story.events) if (event.message) expectPlainWords(event.message, server.dataDir);
  const supportView = JSON.stringify(story);
  expectNoServerPaths(supportView, server.dataDir);
  return supportView;
}

describe('what a person reads when the server fails a task', () => {
  it('the scratch folder gone before the render: plain words, the detail in the history', async () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.writeFileSync(scratch, 'not a folder any more');
    try {
      const created = await submit(server, { prompt: 'No scratch folder', image: imageUrl });
      const task = await waitForTask(server, created.task_id, undefined, 30_000);
      const supportView = await expectPlainFailure(task, 'engine_failed');
      expect(task.error!.message).toMatch(/^Something went wrong on the server while making the preview video\./);
      // Support sees which file could not be written, named inside DATA_DIR.
      expect(supportView).toContain(`scratch/${path.basename(scratch)}/${created.task_id}.mp4.still-`);
    } finally {
      fs.rmSync(scratch, { force: true });
      fs.mkdirSync(scratch);
    }
  });

  it('the scratch folder emptied after the render, before the copy: plain words after the retries', async () => {
    const created = await submit(server, { prompt: 'Scratch emptied', image: imageUrl });
    const rendered = path.join(scratch, `${created.task_id}.jpg`);
    await waitUntil('the render to finish', () => fs.existsSync(rendered), 30_000);
    for (const name of fs.readdirSync(scratch)) fs.rmSync(path.join(scratch, name), { force: true });
    // Five copies fail in a row (ENOENT, with backoff) before the task is given up.
    const task = await waitForTask(server, created.task_id, undefined, 90_000);
    const supportView = await expectPlainFailure(task, 'upstream_error');
    expect(task.error!.message).toMatch(/^Something went wrong on the server while saving the finished video\./);
    expect(supportView).toMatch(/ENOENT: no such file or directory, copyfile 'scratch\//);
  }, 120_000);

  it('an upload’s file gone from under its record: a reason a person can act on', async () => {
    const stored = await upload(server, await makeTestImage());
    fs.rmSync(path.join(server.dataDir, 'media', 'uploads', path.basename(new URL(stored.url).pathname)));
    const created = await submit(server, { prompt: 'File gone', image: stored.url });
    const task = await waitForTask(server, created.task_id, undefined, 30_000);
    await expectPlainFailure(task, 'image_unreachable');
    expect(task.error!.message).toBe('That uploaded image is no longer on this server. Upload it again.');
  });
});
