import { TASK_STATUSES, type TaskStatus } from '@/shared/status';
import type { NewTaskEvent } from '../history-store';
import { LEDGER_REASONS } from '../ledger-store';
import { SQLITE_LIST, taskListWhere } from '../task-list-query';
import { newTaskParams, toTaskRecord, type TaskRow } from '../task-row';
import {
  InsufficientCreditsError,
  type ClaimedTask,
  type CreateTaskOptions,
  type Lease,
  type NewTask,
  type TaskListFilter,
  type TaskOutcome,
  type TaskPatch,
  type TaskRecord,
  type TasksStore,
} from '../tasks-store';
import { insertEvent } from './events';
import { SqliteLeases } from './leases';
import type { SqliteDatabase } from './sqlite-database';

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

/* A write made under a lease applies only while the task is still held under it. */
const held = (lease: Lease | undefined) => (lease ? ' AND lease_token = ?' : '');
const heldParams = (lease: Lease | undefined) => (lease ? [lease.token] : []);

export class SqliteTasksStore implements TasksStore {
  private readonly leases: SqliteLeases;

  constructor(private readonly db: SqliteDatabase) {
    this.leases = new SqliteLeases(db);
  }

  create(task: NewTask, options: CreateTaskOptions): Promise<TaskRecord> {
    return this.db.transaction(() => this.insertAll([task], options)[0]!);
  }

  createMany(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.db.transaction(() => this.insertAll(tasks, options));
  }

  private insertAll(tasks: readonly NewTask[], options: CreateTaskOptions): TaskRecord[] {
    if (options.checkCredits) this.assertCredits(tasks.reduce((sum, task) => sum + task.priceCredits, 0));
    for (const task of tasks) {
      this.db
        .prepare(
          `INSERT INTO tasks (id, engine, status, model, model_id, mode, prompt, image, duration, resolution,
             price_credits, callback_url, batch_id, idempotency_key, next_poll_at, created_at, updated_at)
           VALUES (@id, @engine, 'queued', @model, @model_id, @mode, @prompt, @image, @duration, @resolution,
             @price_credits, @callback_url, @batch_id, @idempotency_key, @created_at, @created_at, @created_at)`,
        )
        .run(newTaskParams(task));
      insertEvent(this.db, task.id, {
        at: task.createdAt,
        status: 'queued',
        progress: 0,
        source: 'api',
        message: 'Accepted; waiting for the engine.',
      });
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

  getByUpstreamId(upstreamTaskId: string): Promise<TaskRecord | null> {
    return this.db.run(() => {
      const row = this.db.prepare('SELECT * FROM tasks WHERE upstream_task_id = ?').get(upstreamTaskId) as
        TaskRow | undefined;
      return row ? toTaskRecord(row) : null;
    });
  }

  list(filter: TaskListFilter): Promise<TaskRecord[]> {
    const { where, params } = taskListWhere(filter, SQLITE_LIST);
    return this.db.run(() =>
      (
        this.db
          .prepare(`SELECT * FROM tasks ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
          .all(...params, filter.limit) as TaskRow[]
      ).map(toTaskRecord),
    );
  }

  async countByStatus(
    filter: Omit<TaskListFilter, 'statuses' | 'before' | 'limit'>,
  ): Promise<Record<TaskStatus, number>> {
    const { where, params } = taskListWhere(filter, SQLITE_LIST);
    const rows = await this.db.run(
      () =>
        this.db.prepare(`SELECT status, COUNT(*) AS n FROM tasks ${where} GROUP BY status`).all(...params) as {
          status: TaskStatus;
          n: number;
        }[],
    );
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  claimDue(now: number, limit: number, claim: { owner: string; until: number }): Promise<ClaimedTask[]> {
    return this.leases.claimDue(now, limit, claim);
  }

  renewLeases(leases: readonly Lease[], until: number): Promise<string[]> {
    return this.leases.renew(leases, until);
  }

  releaseLease(id: string, lease: Lease): Promise<void> {
    return this.leases.release(id, lease);
  }

  interruptLeftovers(now: number): Promise<void> {
    return this.leases.interruptLeftovers(now);
  }

  nextDueAt(): Promise<number | null> {
    return this.leases.nextDueAt();
  }

  unfinishedIds(): Promise<string[]> {
    return this.db.run(() =>
      (this.db.prepare(`SELECT id FROM tasks WHERE ${UNFINISHED} ORDER BY created_at`).all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
  }

  update(id: string, patch: TaskPatch, event?: NewTaskEvent, lease?: Lease): Promise<boolean> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof TaskPatch, unknown][];
    const sets = [...entries.map(([key]) => `${PATCH_COLUMNS[key]} = ?`), 'updated_at = ?'];
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
