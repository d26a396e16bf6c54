/**
 * Graceful shutdown with a real SIGTERM to the server process (API in One mode, fake upstream):
 * mid-submit and mid-download, the process exits 0 promptly, having aborted its calls, removed
 * its half-written files and handed every task back for the next start, with the database whole.
 * Restarted, every task ends once, with one upstream submit per task and balanced books: the
 * submits the stop cut short are not sent again (API in One may have made those videos), so
 * their tasks end needing a person; the downloads are finished.
 *
 * Changed on purpose with issue 17: the cut-short submits used to be re-sent at the restart
 * under the same Idempotency-Key, which API in One does not document.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import type { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { getTask, submit, waitForTasksToEnd } from '../support/api-calls';
import { bodyFor, createApiInOneProcess, removeApiInOneProcess } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import type { ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

const TASKS = 4;
const HOLD_MS = 60_000;
/* main.ts forces an exit after 15 s; a graceful stop must not need that. */
const PROMPT_EXIT_MS = 5000;

let upstream: JobKeepingUpstream;
let server: ServerProcess;
let dataDir: string;
let cutShort: string[] = [];
let downloading: string[] = [];

beforeAll(async () => {
  ({ dataDir, upstream, server } = await createApiInOneProcess(HOLD_MS));
  for (let i = 0; i < TASKS; i++) upstream.script(`Shot ${i}`, { polls: ['Success'] });
  for (let i = 0; i < TASKS; i++) upstream.script(`Take ${i}`, { polls: ['Success'] });
  await server.start();
});
afterAll(() => removeApiInOneProcess({ dataDir, upstream, server }));

async function terminateTimed(): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const code = await server.terminate();
  return { code, ms: Date.now() - started };
}

/** What the stopped server left in its database: whole, and every unfinished task due at once. */
function readStoppedDatabase() {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      unfinished: db
        .prepare(
          "SELECT id, upstream_task_id, submit_started_at, next_poll_at FROM tasks WHERE status IN ('queued','running')",
        )
        .all() as {
        id: string;
        upstream_task_id: string | null;
        submit_started_at: number | null;
        next_poll_at: number;
      }[],
    };
  } finally {
    db.close();
  }
}

const halfWritten = () => fs.readdirSync(path.join(dataDir, 'media', 'videos')).filter((n) => n.includes('.part'));

describe('SIGTERM', () => {
  it('mid-submit: exits 0 promptly, every task handed back, marked as sent', async () => {
    upstream.submitDelayMs = HOLD_MS;
    cutShort = (
      await Promise.all(Array.from({ length: TASKS }, (_, i) => submit(server, bodyFor(upstream, `Shot ${i}`))))
    ).map((c) => c.task_id);
    await waitUntil('every submit to reach the upstream', () => upstream.jobs.size === TASKS);
    const { code, ms } = await terminateTimed();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_EXIT_MS);
    const { integrity, unfinished } = readStoppedDatabase();
    expect(integrity).toBe('ok');
    expect(unfinished).toHaveLength(TASKS);
    for (const task of unfinished) {
      expect(task.upstream_task_id).toBeNull();
      expect(task.submit_started_at).not.toBeNull();
      expect(task.next_poll_at).toBeLessThanOrEqual(Date.now());
    }
  });

  it('restarted, ends the cut-short tasks needing a person and sends none of them again', async () => {
    upstream.submitDelayMs = 0;
    await server.start();
    await waitForTasksToEnd(server, cutShort);
    for (const id of cutShort) {
      expect(await getTask(server, id)).toMatchObject({
        status: 'failed',
        charged_credits: 0,
        error: { code: 'submit_unknown' },
        attention: { reason: 'submit_unknown' },
      });
      expect(upstream.submitsOf(id)).toHaveLength(1);
    }
  });

  it('mid-download: exits 0 promptly, no half-written video left, the tasks due at once', async () => {
    upstream.stallDownloads = true;
    downloading = (
      await Promise.all(Array.from({ length: TASKS }, (_, i) => submit(server, bodyFor(upstream, `Take ${i}`))))
    ).map((c) => c.task_id);
    await waitUntil('a half-written copy of every video', () => halfWritten().length === TASKS);
    const { code, ms } = await terminateTimed();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_EXIT_MS);
    expect(halfWritten()).toEqual([]);
    const { integrity, unfinished } = readStoppedDatabase();
    expect(integrity).toBe('ok');
    expect(unfinished.map((t) => t.id).sort()).toEqual([...downloading].sort());
    for (const task of unfinished) expect(task.next_poll_at).toBeLessThanOrEqual(Date.now());
  });

  it('restarted, ends every task once, one upstream submit and job each, the books balanced', async () => {
    upstream.stallDownloads = false;
    await server.start();
    await waitForTasksToEnd(server, downloading);
    const tasks = await expectBooksBalance(server, 0);
    const statusOf = new Map(tasks.map((t) => [t.task_id, t.status]));
    expect(downloading.map((id) => statusOf.get(id))).toEqual(Array(TASKS).fill('succeeded'));
    expect(cutShort.map((id) => statusOf.get(id))).toEqual(Array(TASKS).fill('failed'));
    const all = [...cutShort, ...downloading];
    expect([...upstream.jobsPerKey.entries()].sort()).toEqual(all.map((id) => [id, 1]).sort());
    for (const id of all) expect(upstream.submitsOf(id)).toHaveLength(1);
  });
});
