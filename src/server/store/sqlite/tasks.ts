import { COUNT_CAP } from '@/shared/contract';
import type { TaskStatus } from '@/shared/status';
import type { NewTaskEvent } from '../history-store';
import { LEDGER_REASONS } from '../ledger-store';
import type { Lease } from '../task-leases';
import { insertSql, SQLITE, SQLITE_ROW_BY_ROW } from '../sql-dialect';
import {
  boundedFilter,
  cappedCountSql,
  talliedFilter,
  tallySql,
  toStatusCounts,
  type StatusCounts,
} from '../task-counts';
import { ftsPhrase, idMatch, indexedSearch, taskListWhere } from '../task-list-query';
import { acceptedEvent, newTaskRow, patchEntries, toTaskRecord, UNFINISHED, type TaskRow } from '../task-row';
import {
  InsufficientCreditsError,
  type CreateTaskOptions,
  type NewTask,
  type TaskCountFilter,
  type TaskListFilter,
  type TaskOutcome,
  type TaskPatch,
  type TaskRecord,
  type TasksStore,
} from '../tasks-store';
import { insertEvent } from './events';
import type { SqliteDatabase } from './sqlite-database';

/* A write made under a lease applies only while the task is still held under it. */
const held = (lease: Lease | undefined) => (lease ? ' AND lease_token = ?' : '');
const heldParams = (lease: Lease | undefined) => (lease ? [lease.token] : []);

/* The newest tasks a search tests row by row before it asks the index for older ones. */
const SEARCH_WALK_ROWS = 2000;

export class SqliteTasksStore implements TasksStore {
  constructor(private readonly db: SqliteDatabase) {}

  create(task: NewTask, options: CreateTaskOptions): Promise<TaskRecord> {
    return this.db.transaction(() => this.insertAll([task], options)[0]!);
  }

  createMany(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.db.transaction(() => this.insertAll(tasks, options));
  }

  private insertAll(tasks: readonly NewTask[], options: CreateTaskOptions): TaskRecord[] {
    if (options.checkCredits) this.assertCredits(tasks.reduce((sum, task) => sum + task.priceCredits, 0));
    for (const task of tasks) {
      const { text, values } = insertSql('tasks', [newTaskRow(task)], SQLITE);
      this.db.prepare(text).run(...values);
      insertEvent(this.db, task.id, acceptedEvent(task));
    }
    const first = tasks[0];
    if (first?.idempotencyKey) this.bindKey(first.idempotencyKey, first.id);
    return tasks.map((task) => this.getNow(task.id)!);
  }

  /* The balance less what every unfinished task will cost if it succeeds, so a burst of submits cannot overdraw. */
  private assertCredits(needed: number): void {
    const { balance } = this.db.prepare('SELECT COALESCE(SUM(credits), 0) AS balance FROM ledger').get() as {
      balance: number;
    };
    const { held: reserved } = this.db
      .prepare(`SELECT COALESCE(SUM(price_credits), 0) AS held FROM tasks WHERE ${UNFINISHED}`)
      .get() as { held: number };
    const available = balance - reserved;
    if (available < needed) throw new InsufficientCreditsError(available, needed);
  }

  private bindKey(key: string, taskId: string): void {
    const bound = this.db
      .prepare('UPDATE idempotency_keys SET task_id = ? WHERE key = ? AND task_id IS NULL')
      .run(taskId, key);
    // The reservation was taken over by another request: roll back rather than make a second task.
    if (bound.changes !== 1) throw new Error(`Idempotency key reservation lost for task ${taskId}.`);
  }

  private getNow(id: string): TaskRecord | null {
    const row = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? toTaskRecord(row) : null;
  }

  get(id: string): Promise<TaskRecord | null> {
    return this.db.run(() => this.getNow(id));
  }

  version(id: string): Promise<number | null> {
    return this.db.run(
      () => (this.db.prepare('SELECT version FROM tasks WHERE id = ?').pluck().get(id) as number | undefined) ?? null,
    );
  }

  getByUpstreamId(upstreamTaskId: string): Promise<TaskRecord | null> {
    return this.db.run(() => {
      const row = this.db.prepare('SELECT * FROM tasks WHERE upstream_task_id = ?').get(upstreamTaskId) as
        TaskRow | undefined;
      return row ? toTaskRecord(row) : null;
    });
  }

  list(filter: TaskListFilter): Promise<TaskRecord[]> {
    const q = filter.q?.trim();
    if (q && indexedSearch(q)) return this.db.transaction(() => this.searchNewestFirst(filter, q), 'deferred');
    return this.db.run(() => this.listPage(filter));
  }

  private listPage(filter: TaskListFilter): TaskRecord[] {
    const { where, params } = taskListWhere(filter, SQLITE);
    return (
      this.db
        .prepare(`SELECT * FROM tasks ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(...params, filter.limit) as TaskRow[]
    ).map(toTaskRecord);
  }

  /*
   * A page of a search, newest first. The FTS5 table finds the matches, in its own order: for a
   * word in one task in eight that is a hundred thousand ids at a million tasks, to be sorted for
   * a page of fifty. So the newest tasks (under the other filters) are read first and tested one
   * by one, which fills the page of a common word within a few hundred rows; only the older part
   * of a rarer one, past those, asks the index. Both are the same match (a substring, any case).
   */
  private searchNewestFirst(filter: TaskListFilter, q: string): TaskRecord[] {
    const { q: _q, ...others } = filter;
    const { where, params } = taskListWhere(others, SQLITE);
    const order = 'ORDER BY created_at DESC, id DESC';
    const newest = taskListWhere({ q }, SQLITE_ROW_BY_ROW);
    const found = (
      this.db
        .prepare(
          `SELECT * FROM (SELECT * FROM tasks ${where} ${order} LIMIT ${SEARCH_WALK_ROWS}) ${newest.where} ${order} LIMIT ?`,
        )
        .all(...params, ...newest.params, filter.limit) as TaskRow[]
    ).map(toTaskRecord);
    if (found.length >= filter.limit) return found;
    const edge = this.db
      .prepare(`SELECT created_at, id FROM tasks ${where} ${order} LIMIT 1 OFFSET ${SEARCH_WALK_ROWS - 1}`)
      .get(...params) as { created_at: number; id: string } | undefined;
    if (!edge) return found;
    const older = {
      ...filter,
      before: { createdAt: edge.created_at, id: edge.id },
      limit: filter.limit - found.length,
    };
    return [...found, ...this.listPage(older)];
  }

  async countByStatus(filter: TaskCountFilter): Promise<StatusCounts> {
    if (talliedFilter(filter)) {
      const { text, values } = tallySql(filter, SQLITE);
      return toStatusCounts(await this.db.all(text, ...values), false);
    }
    const q = filter.q?.trim();
    if (q && !boundedFilter(filter)) return this.db.transaction(() => this.countSearch(filter, q), 'deferred');
    const { text, values } = cappedCountSql(filter, SQLITE);
    return toStatusCounts(await this.db.all(text, ...values), !boundedFilter(filter));
  }

  /*
   * A search's counts, up to the cap. The FTS5 table hands its matches over as it finds them, so
   * the prompt matches are read from it, joined to their tasks, and stop at the cap; the id
   * matches are asked apart, and a task both finds is counted once. With error codes in the filter
   * (the attention count: a few tasks, by their index) or a text too short for the index, each
   * task is tested row by row instead.
   */
  private countSearch(filter: TaskCountFilter, q: string): StatusCounts {
    const found = new Map<string, TaskStatus>();
    const read = (sql: string, params: unknown[]) => {
      for (const row of this.db.prepare(sql).all(...params) as { id: string; status: TaskStatus }[])
        found.set(row.id, row.status);
    };
    const cap = `LIMIT ${COUNT_CAP + 1}`;
    if (filter.errorCodes?.length || !indexedSearch(q)) {
      const { where, params } = taskListWhere(filter, SQLITE_ROW_BY_ROW);
      read(`SELECT id, status FROM tasks ${where} ${cap}`, params);
    } else {
      const { q: _q, ...others } = filter;
      const { where, params } = taskListWhere(others, SQLITE);
      const and = where ? `AND ${where.slice('WHERE '.length)}` : '';
      read(
        `SELECT id, status FROM tasks_prompt_search CROSS JOIN tasks ON tasks.id = tasks_prompt_search.task_id
          WHERE tasks_prompt_search MATCH ? ${and} ${cap}`,
        [ftsPhrase(q), ...params],
      );
      const ids: unknown[] = [];
      read(`SELECT id, status FROM tasks WHERE (${idMatch(q, SQLITE, (v) => (ids.push(v), '?'))}) ${and} ${cap}`, [
        ...ids,
        ...params,
      ]);
    }
    const counts = new Map<TaskStatus, number>();
    for (const status of found.values()) counts.set(status, (counts.get(status) ?? 0) + 1);
    return toStatusCounts(
      [...counts].map(([status, n]) => ({ status, n })),
      true,
    );
  }

  unfinishedIds(): Promise<string[]> {
    return this.db.run(() =>
      (this.db.prepare(`SELECT id FROM tasks WHERE ${UNFINISHED} ORDER BY created_at`).all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
  }

  update(id: string, patch: TaskPatch, event?: NewTaskEvent, lease?: Lease): Promise<boolean> {
    const entries = patchEntries(patch);
    const sets = [...entries.map(([column]) => `${column} = ?`), 'updated_at = ?'];
    const at = event?.at ?? Date.now();
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(`UPDATE tasks SET ${sets.join(', ')} WHERE id = ? AND ${UNFINISHED}${held(lease)}`)
        .run(...entries.map(([, v]) => v), at, id, ...heldParams(lease));
      if (changed.changes === 0) return false;
      if (event) insertEvent(this.db, id, event);
      return true;
    });
  }

  finish(id: string, outcome: TaskOutcome, event: NewTaskEvent, at: number, lease?: Lease): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.writeOutcome(id, outcome, at, lease) === 0) return false;
      const task = this.getNow(id)!;
      if (outcome.status === 'succeeded') {
        this.db
          .prepare('INSERT INTO ledger (entry_key, at, credits, reason, task_id) VALUES (?, ?, ?, ?, ?)')
          .run(`charge:${id}`, at, -task.priceCredits, LEDGER_REASONS.charge, id);
      }
      insertEvent(this.db, id, event);
      if (task.callbackUrl) {
        this.db
          .prepare(
            `INSERT OR IGNORE INTO callbacks (task_id, url, state, attempts, next_at, updated_at)
             VALUES (?, ?, 'pending', 0, ?, ?)`,
          )
          .run(id, task.callbackUrl, at, at);
      }
      return true;
    });
  }

  async setHidden(id: string, at: number | null): Promise<boolean> {
    // Hidden again, it keeps the moment it was first hidden.
    const changed = await this.db.write(
      `UPDATE tasks SET hidden_at = ${at === null ? 'NULL' : 'COALESCE(hidden_at, ?)'}
       WHERE id = ? AND status IN ('succeeded', 'failed', 'canceled')`,
      ...(at === null ? [id] : [at, id]),
    );
    return changed === 1;
  }

  createRetries(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.db.transaction(() => {
      const taken = this.db.prepare('SELECT 1 FROM tasks WHERE retry_of = ?');
      const fresh = tasks.filter((task) => task.retryOf && !taken.get(task.retryOf));
      if (!fresh.length) return [];
      const made = this.insertAll(fresh, options);
      const hide = this.db.prepare('UPDATE tasks SET hidden_at = ? WHERE id = ? AND hidden_at IS NULL');
      for (const task of fresh) hide.run(task.createdAt, task.retryOf);
      return made;
    });
  }

  private writeOutcome(id: string, outcome: TaskOutcome, at: number, lease: Lease | undefined): number {
    const ended = `next_poll_at = NULL, lease_owner = NULL, lease_token = NULL, lease_until = NULL,
      finished_at = ?, updated_at = ? WHERE id = ? AND ${UNFINISHED}${held(lease)}`;
    if (outcome.status === 'succeeded') {
      const r = outcome.result;
      return this.db
        .prepare(
          `UPDATE tasks SET status = 'succeeded', progress = 100, video_path = ?, poster_path = ?, width = ?,
             height = ?, duration_s = ?, charged_credits = price_credits, error_code = NULL, error_message = NULL,
             ${ended}`,
        )
        .run(r.videoPath, r.posterPath, r.width, r.height, r.durationS, at, at, id, ...heldParams(lease)).changes;
    }
    return this.db
      .prepare(`UPDATE tasks SET status = ?, error_code = ?, error_message = ?, charged_credits = 0, ${ended}`)
      .run(outcome.status, outcome.error.code, outcome.error.message, at, at, id, ...heldParams(lease)).changes;
  }
}
