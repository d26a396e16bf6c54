import type { TaskStatus } from '@/shared/status';
import type { NewTaskEvent } from '../history-store';
import { LEDGER_REASONS } from '../ledger-store';
import type { Lease } from '../task-leases';
import { insertSql, POSTGRES } from '../sql-dialect';
import {
  boundedFilter,
  cappedCountSql,
  talliedFilter,
  tallySql,
  toStatusCounts,
  type StatusCounts,
} from '../task-counts';
import { taskListWhere } from '../task-list-query';
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
import { insertEvents } from './events';
import type { PgDatabase, Sql } from './pg-database';

/*
 * Creates with a credit check take this lock for their transaction: the check (the balance less
 * what unfinished tasks will cost) and the insert must not interleave with another server's.
 */
const CREDIT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('hailuo-studio credits ' || current_schema()))";

/* Log rows (over the keys a count reads) past which the read folds the tally. */
const TALLY_FOLD_AT = 500;
/* A log this long is vacuumed once folded. */
const TALLY_VACUUM_AT = 20_000;

export class PgTasksStore implements TasksStore {
  private folding = false;

  constructor(private readonly db: PgDatabase) {}

  async create(task: NewTask, options: CreateTaskOptions): Promise<TaskRecord> {
    return (await this.createMany([task], options))[0]!;
  }

  createMany(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.db.transaction(async (sql) => {
      if (options.checkCredits)
        await this.assertCredits(
          sql,
          tasks.reduce((sum, task) => sum + task.priceCredits, 0),
        );
      const { text, values } = insertSql('tasks', tasks.map(newTaskRow), POSTGRES);
      const rows = await sql.rows<TaskRow>(`${text} RETURNING *`, values);
      await insertEvents(
        sql,
        tasks.map((task) => ({ taskId: task.id, event: acceptedEvent(task) })),
      );
      const first = tasks[0];
      if (first?.idempotencyKey) await this.bindKey(sql, first.idempotencyKey, first.id);
      const byId = new Map(rows.map((row) => [row.id, toTaskRecord(row)]));
      return tasks.map((task) => byId.get(task.id)!);
    });
  }

  private async assertCredits(sql: Sql, needed: number): Promise<void> {
    await sql.row(CREDIT_LOCK);
    const row = await sql.row<{ balance: number; held: number }>(
      `SELECT (SELECT COALESCE(SUM(credits), 0) FROM ledger) AS balance,
         (SELECT COALESCE(SUM(price_credits), 0) FROM tasks WHERE ${UNFINISHED}) AS held`,
    );
    const available = row!.balance - row!.held;
    if (available < needed) throw new InsufficientCreditsError(available, needed);
  }

  private async bindKey(sql: Sql, key: string, taskId: string): Promise<void> {
    const bound = await sql.write('UPDATE idempotency_keys SET task_id = $1 WHERE key = $2 AND task_id IS NULL', [
      taskId,
      key,
    ]);
    // The reservation was taken over by another request: roll back rather than make a second task.
    if (bound !== 1) throw new Error(`Idempotency key reservation lost for task ${taskId}.`);
  }

  async get(id: string): Promise<TaskRecord | null> {
    const row = await this.db.row<TaskRow>('SELECT * FROM tasks WHERE id = $1', [id]);
    return row ? toTaskRecord(row) : null;
  }

  async version(id: string): Promise<number | null> {
    return (await this.db.row<{ version: number }>('SELECT version FROM tasks WHERE id = $1', [id]))?.version ?? null;
  }

  async getByUpstreamId(upstreamTaskId: string): Promise<TaskRecord | null> {
    const row = await this.db.row<TaskRow>('SELECT * FROM tasks WHERE upstream_task_id = $1', [upstreamTaskId]);
    return row ? toTaskRecord(row) : null;
  }

  async list(filter: TaskListFilter): Promise<TaskRecord[]> {
    const { where, params } = taskListWhere(filter, POSTGRES);
    const rows = await this.db.rows<TaskRow>(
      `SELECT * FROM tasks ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1}`,
      [...params, filter.limit],
    );
    return rows.map(toTaskRecord);
  }

  async countByStatus(filter: TaskCountFilter): Promise<StatusCounts> {
    if (!talliedFilter(filter)) {
      const { text, values } = cappedCountSql(filter, POSTGRES);
      return toStatusCounts(await this.db.rows(text, values), !boundedFilter(filter));
    }
    const { text, values } = tallySql(filter, POSTGRES);
    const rows = await this.db.rows<{ status: TaskStatus; n: string; entries: string }>(text, values);
    const entries = rows.reduce((sum, row) => sum + Number(row.entries), 0);
    if (entries > TALLY_FOLD_AT) void this.foldTally(entries);
    return toStatusCounts(rows, false);
  }

  /*
   * The tally's log folded into one row per key, in one statement: what it deletes it sums back,
   * so a reader sees the same counts before and after. Changes logged meanwhile are not in its
   * snapshot and stay. A fold already under way elsewhere (the lock) makes this one do nothing.
   * After a burst (a bulk import), the rows it deleted would be read past until autovacuum came
   * by, so a long log is vacuumed at once.
   */
  private async foldTally(entries: number): Promise<void> {
    if (this.folding) return;
    this.folding = true;
    try {
      await this.db.write(
        `WITH fold AS (SELECT pg_try_advisory_xact_lock(hashtext('hailuo-studio tallies ' || current_schema())) AS mine),
          gone AS (DELETE FROM task_tallies WHERE (SELECT mine FROM fold) RETURNING *)
        INSERT INTO task_tallies
          SELECT status, model_id, mode, hidden, error_code, SUM(n) FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) <> 0`,
      );
      if (entries > TALLY_VACUUM_AT) await this.db.write('VACUUM task_tallies');
    } catch {
      // The counts stay right unfolded; the next read that finds the log long tries again.
    } finally {
      this.folding = false;
    }
  }

  async unfinishedIds(): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(`SELECT id FROM tasks WHERE ${UNFINISHED} ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  async update(id: string, patch: TaskPatch, event?: NewTaskEvent, lease?: Lease): Promise<boolean> {
    const entries = patchEntries(patch);
    const params = [...entries.map(([, v]) => v), event?.at ?? Date.now(), id, ...(lease ? [lease.token] : [])];
    const sets = [...entries.map(([column], i) => `${column} = $${i + 1}`), `updated_at = $${entries.length + 1}`];
    const text = `UPDATE tasks SET ${sets.join(', ')} WHERE id = $${entries.length + 2} AND ${UNFINISHED}${
      lease ? ` AND lease_token = $${entries.length + 3}` : ''
    }`;
    if (!event) return (await this.db.write(text, params)) === 1;
    return this.db.transaction(async (sql) => {
      if ((await sql.write(text, params)) === 0) return false;
      await insertEvents(sql, [{ taskId: id, event }]);
      return true;
    });
  }

  finish(id: string, outcome: TaskOutcome, event: NewTaskEvent, at: number, lease?: Lease): Promise<boolean> {
    return this.db.transaction(async (sql) => {
      const ended = await this.writeOutcome(sql, id, outcome, at, lease);
      if (!ended) return false;
      if (outcome.status === 'succeeded') {
        await sql.write('INSERT INTO ledger (entry_key, at, credits, reason, task_id) VALUES ($1, $2, $3, $4, $5)', [
          `charge:${id}`,
          at,
          -ended.price_credits,
          LEDGER_REASONS.charge,
          id,
        ]);
      }
      await insertEvents(sql, [{ taskId: id, event }]);
      if (ended.callback_url) {
        await sql.write(
          `INSERT INTO callbacks (task_id, url, state, attempts, next_at, updated_at)
           VALUES ($1, $2, 'pending', 0, $3, $3) ON CONFLICT (task_id) DO NOTHING`,
          [id, ended.callback_url, at],
        );
      }
      return true;
    });
  }

  async setHidden(id: string, at: number | null): Promise<boolean> {
    // Hidden again, it keeps the moment it was first hidden.
    const changed = await this.db.write(
      `UPDATE tasks SET hidden_at = ${at === null ? 'NULL' : 'COALESCE(hidden_at, $2::bigint)'}
       WHERE id = $1 AND status IN ('succeeded', 'failed', 'canceled')`,
      at === null ? [id] : [id, at],
    );
    return changed === 1;
  }

  /*
   * ON CONFLICT on the unique retry_of: a request racing this one for the same failed task waits
   * for its commit and then inserts nothing, so no task is ever retried twice.
   */
  createRetries(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]> {
    return this.db.transaction(async (sql) => {
      const asked = tasks.filter((task) => task.retryOf);
      const taken = await sql.rows<{ retry_of: string }>('SELECT retry_of FROM tasks WHERE retry_of = ANY($1)', [
        asked.map((task) => task.retryOf),
      ]);
      const fresh = asked.filter((task) => !taken.some((row) => row.retry_of === task.retryOf));
      if (!fresh.length) return [];
      if (options.checkCredits)
        await this.assertCredits(
          sql,
          fresh.reduce((sum, task) => sum + task.priceCredits, 0),
        );
      const { text, values } = insertSql('tasks', fresh.map(newTaskRow), POSTGRES);
      const rows = await sql.rows<TaskRow>(
        `${text} ON CONFLICT (retry_of) WHERE retry_of IS NOT NULL DO NOTHING RETURNING *`,
        values,
      );
      const made = new Map(rows.map((row) => [row.id, toTaskRecord(row)]));
      const kept = fresh.filter((task) => made.has(task.id));
      if (!kept.length) return [];
      await insertEvents(
        sql,
        kept.map((task) => ({ taskId: task.id, event: acceptedEvent(task) })),
      );
      await sql.write('UPDATE tasks SET hidden_at = $1 WHERE id = ANY($2) AND hidden_at IS NULL', [
        kept[0]!.createdAt,
        kept.map((task) => task.retryOf),
      ]);
      return kept.map((task) => made.get(task.id)!);
    });
  }

  private writeOutcome(sql: Sql, id: string, outcome: TaskOutcome, at: number, lease: Lease | undefined) {
    type Ended = { price_credits: number; callback_url: string | null };
    // The parameters after the outcome's own: finished/updated at, the id, and the lease token.
    const tail = (n: number) =>
      `next_poll_at = NULL, lease_owner = NULL, lease_token = NULL, lease_until = NULL,
       finished_at = $${n}, updated_at = $${n}
       WHERE id = $${n + 1} AND ${UNFINISHED}${lease ? ` AND lease_token = $${n + 2}` : ''}
       RETURNING price_credits, callback_url`;
    const held = [at, id, ...(lease ? [lease.token] : [])];
    if (outcome.status === 'succeeded') {
      const r = outcome.result;
      return sql.row<Ended>(
        `UPDATE tasks SET status = 'succeeded', progress = 100, video_path = $1, poster_path = $2, width = $3,
           height = $4, duration_s = $5, charged_credits = price_credits, error_code = NULL, error_message = NULL,
           ${tail(6)}`,
        [r.videoPath, r.posterPath, r.width, r.height, r.durationS, ...held],
      );
    }
    return sql.row<Ended>(
      `UPDATE tasks SET status = $1, error_code = $2, error_message = $3, charged_credits = 0, ${tail(4)}`,
      [outcome.status, outcome.error.code, outcome.error.message, ...held],
    );
  }
}
