/**
 * Graceful shutdown with a real SIGTERM to the server process (API in One mode, fake upstream):
 * mid-submit and mid-download, the process exits 0 promptly, having aborted its calls, removed
 * its half-written files and handed every task back for the next start, with the database whole.
 * Restarted, every task ends once, with one upstream job per task and balanced books.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import type { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { submit, waitForTasksToEnd } from '../support/api-calls';
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
let ids: string[] = [];

beforeAll(async () => {
  ({ dataDir, upstream, server } = await createApiInOneProcess(HOLD_MS));
  for (let i = 0; i < TASKS; i++) upstream.script(`Shot ${i}`, { polls: ['Success'] });
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
  it('mid-submit: exits 0 promptly, every task handed back to be re-sent at the next start', async () => {
    upstream.submitDelayMs = HOLD_MS;
    ids = (await Promise.all(Array.from({ length: TASKS }, (_, i) => submit(server, bodyFor(`Shot ${i}`))))).map(
      (c) => c.task_id,
    );
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

  it('mid-download: exits 0 promptly, no half-written video left, the tasks due at once', async () => {
    upstream.submitDelayMs = 0;
    upstream.stallDownloads = true;
    await server.start();
    await waitUntil('a half-written copy of every video', () => halfWritten().length === TASKS);
    const { code, ms } = await terminateTimed();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_EXIT_MS);
    expect(halfWritten()).toEqual([]);
    const { integrity, unfinished } = readStoppedDatabase();
    expect(integrity).toBe('ok');
    expect(unfinished.map((t) => t.id).sort()).toEqual([...ids].sort());
    for (const task of unfinished) expect(task.next_poll_at).toBeLessThanOrEqual(Date.now());
  });

  it('restarted, ends every task once, one upstream job each, the books balanced', async () => {
    upstream.stallDownloads = false;
    await server.start();
    await waitForTasksToEnd(server, ids);
    const tasks = await expectBooksBalance(server, 0);
    expect(tasks.map((t) => t.status)).toEqual(Array(TASKS).fill('succeeded'));
    expect([...upstream.jobsPerKey.entries()].sort()).toEqual(ids.map((id) => [id, 1]).sort());
  });
});
