/**
 * A running task's kept answer never outlives a write, whoever makes it: this server's store, or
 * another writer on the same database (a second server on PostgreSQL; on SQLite, another
 * connection to the file), by any statement, even one that leaves updated_at as it was. The
 * database moves the row's version itself (a trigger), and every answer checks it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskSchema } from '@/shared/contract';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import { newTask } from '../../../tests/support/new-task';
import { startTestServer, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;

/* Another writer on the same database, as a second server would be; it does not tell this one. */
async function writeElsewhere(sql: string, id: string): Promise<void> {
  const url = server.services.config.database.url;
  if (url) {
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query(sql.replace('?', '$1'), [id]);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(path.join(server.dataDir, DATABASE_FILE));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(sql).run(id);
  } finally {
    db.close();
  }
}

async function runningTask(): Promise<string> {
  const { tasks } = server.services.store;
  const { id } = await tasks.create(newTask({ prompt: 'Orbit around the bottle' }), { checkCredits: false });
  await tasks.update(id, { status: 'running', progress: 40, nextPollAt: Date.now() + 3_600_000 });
  return id;
}

const progressOf = async (id: string) =>
  taskSchema.parse(await (await server.fetch(`/api/v1/tasks/${id}`)).json()).progress;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('the running-task answer kept between polls', () => {
  it('follows this server’s own writes at once', async () => {
    const id = await runningTask();
    expect(await progressOf(id)).toBe(40);
    expect(await progressOf(id)).toBe(40); // now answered from the kept copy
    await server.services.store.tasks.update(id, { progress: 55 });
    expect(await progressOf(id)).toBe(55);
  });

  it('follows another writer’s write on the same database at once, even with updated_at unchanged', async () => {
    const id = await runningTask();
    expect(await progressOf(id)).toBe(40);
    expect(await progressOf(id)).toBe(40);
    await writeElsewhere('UPDATE tasks SET progress = 85 WHERE id = ?', id);
    expect(await progressOf(id)).toBe(85);
    await writeElsewhere("UPDATE tasks SET status = 'queued' WHERE id = ?", id);
    expect(taskSchema.parse(await (await server.fetch(`/api/v1/tasks/${id}`)).json()).status).toBe('queued');
  });

  it('says 404 once the task is gone, however it went', async () => {
    const id = await runningTask();
    expect(await progressOf(id)).toBe(40);
    await writeElsewhere('DELETE FROM task_events WHERE task_id = ?', id);
    await writeElsewhere('DELETE FROM tasks WHERE id = ?', id);
    expect((await server.fetch(`/api/v1/tasks/${id}`)).status).toBe(404);
  });
});
