import type Database from 'better-sqlite3';
import { TASK_STATUSES, type TaskStatus } from '@/shared/status';
import type { NewTaskEvent } from '../history-store';
import { LEDGER_REASONS } from '../ledger-store';
import {
  InsufficientCreditsError,
  type CreateTaskOptions,
  type NewTask,
  type TaskListFilter,
  type TaskOutcome,
  type TaskPatch,
  type TaskRecord,
  type TasksStore,
} from '../tasks-store';
import { insertEvent } from './events';
import type { StatementCache } from './statement-cache';
import { taskListWhere } from './task-list-query';
import { newTaskParams, toTaskRecord, type TaskRow } from './task-row';

const UNFINISHED = "status IN ('queued', 'running')";

const PATCH_COLUMNS: Record<keyof TaskPatch, string> = {
  status: 'status',
  progress: 'progress',
  upstreamTaskId: 'upstream_task_id',
  submitStartedAt: 'submit_started_at',
  submittedAt: 'submitted_at',
  nextPollAt: 'next_poll_at',
  attempts: 'attempts',
  failures: 'failures',
};

export class SqliteTasksStore implements TasksStore {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
  ) {}

  async create(task: NewTask, options: CreateTaskOptions): Promise<TaskRecord> {
    return this.insertAll([task], options)[0]!;
  }

  async createMany(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.insertAll(tasks, options);
  }

  private insertAll(tasks: readonly NewTask[], options: CreateTaskOptions): TaskRecord[] {
    return this.db.transaction(() => {
      if (options.checkCredits) this.assertCredits(tasks.reduce((sum, task) => sum + task.priceCredits, 0));
      for (const task of tasks) {
        this.statements
          .get(
            `INSERT INTO tasks (id, engine, status, model, model_id, mode, prompt, image, duration, resolution,
               price_credits, callback_url, batch_id, idempotency_key, next_poll_at, created_at, updated_at)
             VALUES (@id, @engine, 'queued', @model, @model_id, @mode, @prompt, @image, @duration, @resolution,
               @price_credits, @callback_url, @batch_id, @idempotency_key, @created_at, @created_at, @created_at)`,
          )
          .run(newTaskParams(task));
        insertEvent(this.statements, task.id, {
          at: task.createdAt,
          status: 'queued',
          progress: 0,
          source: 'api',
          message: 'Accepted; waiting for the engine.',
        });
      }
      const first = tasks[0];
      if (first?.idempotencyKey) this.bindKey(first.idempotencyKey, first.id);
      return tasks.map((task) => this.getSync(task.id)!);
    })();
  }

  /* The balance less what every unfinished task will cost if it succeeds, so a burst of submits cannot overdraw. */
  private assertCredits(needed: number): void {
    const { balance } = this.statements.get('SELECT COALESCE(SUM(credits), 0) AS balance FROM ledger').get() as {
      balance: number;
    };
    const { held } = this.statements
      .get(`SELECT COALESCE(SUM(price_credits), 0) AS held FROM tasks WHERE ${UNFINISHED}`)
      .get() as { held: number };
    const available = balance - held;
    if (available < needed) throw new InsufficientCreditsError(available, needed);
  }

  private bindKey(key: string, taskId: string): void {
    const bound = this.statements
      .get('UPDATE idempotency_keys SET task_id = ? WHERE key = ? AND task_id IS NULL')
      .run(taskId, key);
    // The reservation was taken over by another request: roll back rather than make a second task.
    if (bound.changes !== 1) throw new Error(`Idempotency key reservation lost for task ${taskId}.`);
  }

  private getSync(id: string): TaskRecord | null {
    const row = this.statements.get('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? toTaskRecord(row) : null;
  }

  async get(id: string): Promise<TaskRecord | null> {
    return this.getSync(id);
  }

  async getByUpstreamId(upstreamTaskId: string): Promise<TaskRecord | null> {
    const row = this.statements.get('SELECT * FROM tasks WHERE upstream_task_id = ?').get(upstreamTaskId) as
      TaskRow | undefined;
    return row ? toTaskRecord(row) : null;
  }

  async list(filter: TaskListFilter): Promise<TaskRecord[]> {
    const { where, params } = taskListWhere(filter);
    const rows = this.statements
      .get(`SELECT * FROM tasks ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...params, filter.limit) as TaskRow[];
    return rows.map(toTaskRecord);
  }

  async countByStatus(
    filter: Omit<TaskListFilter, 'statuses' | 'before' | 'limit'>,
  ): Promise<Record<TaskStatus, number>> {
    const { where, params } = taskListWhere(filter);
    const rows = this.statements
      .get(`SELECT status, COUNT(*) AS n FROM tasks ${where} GROUP BY status`)
      .all(...params) as { status: TaskStatus; n: number }[];
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async claimDue(now: number, limit: number, leaseUntil: number): Promise<TaskRecord[]> {
    return this.db.transaction(() => {
      const rows = this.statements
        .get(`SELECT * FROM tasks WHERE ${UNFINISHED} AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?`)
        .all(now, limit) as TaskRow[];
      const lease = this.statements.get('UPDATE tasks SET next_poll_at = ? WHERE id = ?');
      for (const row of rows) lease.run(leaseUntil, row.id);
      return rows.map(toTaskRecord);
    })();
  }

  async nextDueAt(): Promise<number | null> {
    const row = this.statements.get(`SELECT MIN(next_poll_at) AS at FROM tasks WHERE ${UNFINISHED}`).get() as {
      at: number | null;
    };
    return row.at;
  }

  async unfinishedIds(): Promise<string[]> {
    const rows = this.statements.get(`SELECT id FROM tasks WHERE ${UNFINISHED} ORDER BY created_at`).all() as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  async update(id: string, patch: TaskPatch, event?: NewTaskEvent): Promise<boolean> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof TaskPatch, unknown][];
    const sets = entries.map(([key]) => `${PATCH_COLUMNS[key]} = ?`);
    const at = event?.at ?? Date.now();
    return this.db.transaction(() => {
      const changed = this.statements
        .get(`UPDATE tasks SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ? AND ${UNFINISHED}`)
        .run(...entries.map(([, v]) => v), at, id);
      if (changed.changes === 0) return false;
      if (event) insertEvent(this.statements, id, event);
      return true;
    })();
  }

  async finish(id: string, outcome: TaskOutcome, event: NewTaskEvent, at: number): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.writeOutcome(id, outcome, at);
      if (changed === 0) return false;
      const task = this.getSync(id)!;
      if (outcome.status === 'succeeded') {
        this.statements
          .get('INSERT INTO ledger (entry_key, at, credits, reason, task_id) VALUES (?, ?, ?, ?, ?)')
          .run(`charge:${id}`, at, -task.priceCredits, LEDGER_REASONS.charge, id);
      }
      insertEvent(this.statements, id, event);
      if (task.callbackUrl) {
        this.statements
          .get(
            `INSERT OR IGNORE INTO callbacks (task_id, url, state, attempts, next_at, updated_at)
             VALUES (?, ?, 'pending', 0, ?, ?)`,
          )
          .run(id, task.callbackUrl, at, at);
      }
      return true;
    })();
  }

  private writeOutcome(id: string, outcome: TaskOutcome, at: number): number {
    if (outcome.status === 'succeeded') {
      const r = outcome.result;
      return this.statements
        .get(
          `UPDATE tasks SET status = 'succeeded', progress = 100, video_path = ?, poster_path = ?, width = ?,
             height = ?, duration_s = ?, charged_credits = price_credits, error_code = NULL, error_message = NULL,
             next_poll_at = NULL, finished_at = ?, updated_at = ?
           WHERE id = ? AND ${UNFINISHED}`,
        )
        .run(r.videoPath, r.posterPath, r.width, r.height, r.durationS, at, at, id).changes;
    }
    return this.statements
      .get(
        `UPDATE tasks SET status = ?, error_code = ?, error_message = ?, charged_credits = 0,
           next_poll_at = NULL, finished_at = ?, updated_at = ?
         WHERE id = ? AND ${UNFINISHED}`,
      )
      .run(outcome.status, outcome.error.code, outcome.error.message, at, at, id).changes;
  }
}
