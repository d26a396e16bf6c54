/**
 * `POST /api/v1/tasks/{id}/cancel`, `…/hide` and `…/unhide` on the real server: a running local
 * render stopped and never run again, nothing charged, the reason in the history; API in One's
 * limits said plainly; hide and undo leave the ledger and the task itself untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  taskCanceledSchema,
  taskHiddenSchema,
  taskHistorySchema,
  taskListSchema,
  type TaskCanceled,
} from '@/shared/contract';
import {
  expectError,
  getJson,
  getTask,
  SEED_PROMPT,
  submit,
  upload,
  waitForTask,
} from '../../../tests/support/api-calls';
import { bodyFor, startApiInOneServer } from '../../../tests/support/api-in-one-server';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';
import { waitUntil } from '../../../tests/support/wait-until';
import { JobKeepingUpstream } from '../../../tests/fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../../../tests/fakes/upstream-clip';

const post = (server: TestServer, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  server.fetch(url, {
    method: 'POST',
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

async function cancel(server: TestServer, id: string, body?: unknown): Promise<TaskCanceled> {
  const response = await post(server, `/api/v1/tasks/${id}/cancel`, body);
  const json: unknown = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  return taskCanceledSchema.parse(json);
}

/* Every file anywhere under DATA_DIR whose name carries the task id (scratch renders, media). */
function filesOf(dataDir: string, taskId: string): string[] {
  return (fs.readdirSync(dataDir, { recursive: true }) as string[]).filter((f) => path.basename(f).includes(taskId));
}

describe('cancel with the local engine', () => {
  let server: TestServer;
  let image: string;
  beforeAll(async () => {
    // Long enough that the task is surely mid-render or waiting when it is canceled.
    server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '4000' });
    await server.services.store.ledger.grantOnce('grant:test', 1000, Date.now());
    image = (await upload(server, await makeTestImage(1280, 720), 'Red shoe.jpg')).url;
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('ends a running task canceled, uncharged, with the reason in its history, and never runs it again', async () => {
    const { task_id } = await submit(server, { prompt: SEED_PROMPT, image });
    await waitForTask(server, task_id, (t) => t.status === 'running');
    const before = await server.services.store.ledger.summary();

    const answer = await cancel(server, task_id, { reason: 'Wrong photo' });
    expect(answer).toMatchObject({ engine_may_continue: false, task: { status: 'canceled', charged_credits: 0 } });
    expect(answer.task.error).toEqual({ code: 'canceled', message: answer.message });
    expect(answer.message).toMatch(/render was stopped/);

    // Past the engine's whole delay: still canceled, no video anywhere, the render's files gone.
    await new Promise((r) => setTimeout(r, 4500));
    const after = await getTask(server, task_id);
    expect(after).toMatchObject({ status: 'canceled', result: null, charged_credits: 0 });
    await waitUntil('the render files are removed', () => filesOf(server.dataDir, task_id).length === 0, 5000);
    expect(await server.services.store.ledger.summary()).toEqual(before);
    expect(await server.services.store.ledger.entriesForTask(task_id)).toEqual([]);
    expect(await server.services.store.leases.nextDueAt()).toBeNull();

    const history = await getJson(server, `/api/v1/tasks/${task_id}/history`, taskHistorySchema);
    const last = history.events.at(-1)!;
    expect(last).toMatchObject({ status: 'canceled', source: 'api' });
    expect(last.message).toContain('“Wrong photo”');
    expect(history.events.filter((e) => e.status === 'canceled')).toHaveLength(1);
    expect(history.events.some((e) => e.status === 'succeeded')).toBe(false);
  });

  it('is idempotent: a second cancel answers the same and writes nothing', async () => {
    const { task_id } = await submit(server, { prompt: SEED_PROMPT, image });
    const first = await cancel(server, task_id);
    const again = await cancel(server, task_id, { reason: 'clicked twice' });
    expect(again.task).toEqual({ ...first.task, eta_s: again.task.eta_s });
    const history = await getJson(server, `/api/v1/tasks/${task_id}/history`, taskHistorySchema);
    expect(history.events.filter((e) => e.status === 'canceled')).toHaveLength(1);
    expect(history.events.at(-1)!.message).toBe(`Canceled by request. ${first.message}`);
  });

  it('refuses a finished task with a clear 409, and bad input with a 400', async () => {
    const { task_id } = await submit(server, { prompt: SEED_PROMPT, image });
    await waitForTask(server, task_id);
    const message = await expectError(await post(server, `/api/v1/tasks/${task_id}/cancel`), 409, 'task_finished');
    expect(message).toBe('This task already ended succeeded; only a queued or running task can be canceled.');
    expect((await getTask(server, task_id)).status).toBe('succeeded');

    await expectError(await post(server, '/api/v1/tasks/tsk_nope/cancel'), 404, 'not_found');
    const other = await submit(server, { prompt: SEED_PROMPT, image });
    await expectError(await post(server, `/api/v1/tasks/${other.task_id}/cancel`, '{"reason":'), 400, 'invalid_json');
    expect(
      await expectError(
        await post(server, `/api/v1/tasks/${other.task_id}/cancel`, { why: 'x' }),
        400,
        'validation_failed',
      ),
    ).toMatch(/Unknown field\(s\): why/);
    const long = { reason: 'x'.repeat(301) };
    expect(
      await expectError(await post(server, `/api/v1/tasks/${other.task_id}/cancel`, long), 400, 'validation_failed'),
    ).toMatch(/at most 300 characters/);
    expect((await getTask(server, other.task_id)).status).not.toBe('canceled');
  });

  it('hides a finished task from the gallery list and shows it again on undo; the ledger stays', async () => {
    const { task_id } = await submit(server, { prompt: 'Hide me later', image });
    await expectError(await post(server, `/api/v1/tasks/${task_id}/hide`), 409, 'task_unfinished');
    const done = await waitForTask(server, task_id);
    const ledger = await server.services.store.ledger.entriesForTask(task_id);
    expect(ledger).toHaveLength(1);

    const hidden = taskHiddenSchema.parse(await (await post(server, `/api/v1/tasks/${task_id}/hide`)).json());
    expect(hidden.hidden_at).not.toBeNull();
    const again = taskHiddenSchema.parse(await (await post(server, `/api/v1/tasks/${task_id}/hide`)).json());
    expect(again.hidden_at).toBe(hidden.hidden_at);

    const gallery = await getJson(server, '/api/v1/tasks?hidden=0&q=Hide%20me', taskListSchema);
    expect(gallery.items.map((t) => t.task_id)).not.toContain(task_id);
    expect(gallery.counts.succeeded).toBe(0);
    const support = await getJson(server, '/api/v1/tasks?q=Hide%20me', taskListSchema);
    expect(support.items.map((t) => t.task_id)).toEqual([task_id]);
    // The task itself is unchanged: its kept answer, its charge, its video.
    expect(await getTask(server, task_id)).toEqual(done);
    expect(await server.services.store.ledger.entriesForTask(task_id)).toEqual(ledger);

    const shown = taskHiddenSchema.parse(await (await post(server, `/api/v1/tasks/${task_id}/unhide`)).json());
    expect(shown.hidden_at).toBeNull();
    const back = await getJson(server, '/api/v1/tasks?hidden=0&q=Hide%20me', taskListSchema);
    expect(back.items.map((t) => t.task_id)).toEqual([task_id]);
    await expectError(await server.fetch('/api/v1/tasks?hidden=yes'), 400, 'validation_failed');
  });
});

describe('cancel with API in One', () => {
  let upstream: JobKeepingUpstream;
  let server: TestServer;
  beforeAll(async () => {
    upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
  });
  afterEach(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });
  afterAll(() => upstream.close());

  it('says the video may still be made upstream once API in One has the task, and stops polling it', async () => {
    upstream.script('keeps going', { polls: ['Processing'] });
    server = await startApiInOneServer(upstream);
    const { task_id } = await submit(server, bodyFor(upstream, 'keeps going'));
    const running = await waitForTask(server, task_id, (t) => t.upstream_task_id !== null);
    const jobId = running.upstream_task_id!;
    await waitUntil('a poll reached the upstream', () => upstream.pollsOf(jobId) > 0, 10_000);

    const answer = await cancel(server, task_id, { reason: 'changed my mind' });
    expect(answer.engine_may_continue).toBe(true);
    expect(answer.message).toMatch(/API in One had already taken it and offers no way to cancel/);
    expect(answer.message).toMatch(/may still make the video and bill it on the API in One account/);
    expect(answer.task).toMatchObject({ status: 'canceled', charged_credits: 0 });

    const polls = upstream.pollsOf(jobId);
    await new Promise((r) => setTimeout(r, 1500));
    // At most a poll that was already on its way when the cancel landed.
    expect(upstream.pollsOf(jobId)).toBeLessThanOrEqual(polls + 1);
    expect((await getTask(server, task_id)).status).toBe('canceled');
  });
});
