import type { HistoryStore, NewExchange, NewTaskEvent, TaskEventRecord } from '../history-store';
import { insertEvents } from './events';
import type { PgDatabase } from './pg-database';

interface ExchangeRow {
  task_id: string;
  at: number;
  operation: NewExchange['operation'];
  http_status: number | null;
  /* A `json` column: the driver parses it. */
  body: unknown;
  error: string | null;
}

export class PgHistoryStore implements HistoryStore {
  constructor(private readonly db: PgDatabase) {}

  addEvent(taskId: string, event: NewTaskEvent): Promise<void> {
    return insertEvents(this.db, [{ taskId, event }]);
  }

  async events(taskId: string): Promise<TaskEventRecord[]> {
    const rows = await this.db.rows<Omit<TaskEventRecord, 'taskId'> & { task_id: string }>(
      'SELECT task_id, at, status, progress, source, message FROM task_events WHERE task_id = $1 ORDER BY id',
      [taskId],
    );
    return rows.map(({ task_id, ...event }) => ({ taskId: task_id, ...event }));
  }

  async addExchange(exchange: NewExchange): Promise<void> {
    const body = exchange.body === undefined ? null : JSON.stringify(exchange.body);
    await this.db.write(
      'INSERT INTO upstream_exchanges (task_id, at, operation, http_status, body, error) VALUES ($1, $2, $3, $4, $5::json, $6)',
      [exchange.taskId, exchange.at, exchange.operation, exchange.httpStatus, body, exchange.error],
    );
  }

  async exchanges(taskId: string): Promise<NewExchange[]> {
    const rows = await this.db.rows<ExchangeRow>(
      'SELECT task_id, at, operation, http_status, body, error FROM upstream_exchanges WHERE task_id = $1 ORDER BY id',
      [taskId],
    );
    return rows.map((row) => ({
      taskId: row.task_id,
      at: row.at,
      operation: row.operation,
      httpStatus: row.http_status,
      body: row.body,
      error: row.error,
    }));
  }
}
