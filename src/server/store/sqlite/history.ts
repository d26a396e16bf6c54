import type { HistoryStore, NewExchange, NewTaskEvent, TaskEventRecord } from '../history-store';
import { insertEvent } from './events';
import type { SqliteDatabase } from './sqlite-database';

interface ExchangeRow {
  task_id: string;
  at: number;
  operation: NewExchange['operation'];
  http_status: number | null;
  body: string | null;
  error: string | null;
}

/* Stored as JSON text; a body that is not JSON (an HTML error page) is kept as the text it was. */
function parseBody(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class SqliteHistoryStore implements HistoryStore {
  constructor(private readonly db: SqliteDatabase) {}

  addEvent(taskId: string, event: NewTaskEvent): Promise<void> {
    return this.db.run(() => insertEvent(this.db, taskId, event));
  }

  async events(taskId: string): Promise<TaskEventRecord[]> {
    const rows = await this.db.all<Omit<TaskEventRecord, 'taskId'> & { task_id: string }>(
      'SELECT task_id, at, status, progress, source, message FROM task_events WHERE task_id = ? ORDER BY id',
      taskId,
    );
    return rows.map(({ task_id, ...event }) => ({ taskId: task_id, ...event }));
  }

  async addExchange(exchange: NewExchange): Promise<void> {
    const body = exchange.body === undefined ? null : JSON.stringify(exchange.body);
    await this.db.write(
      'INSERT INTO upstream_exchanges (task_id, at, operation, http_status, body, error) VALUES (?, ?, ?, ?, ?, ?)',
      exchange.taskId,
      exchange.at,
      exchange.operation,
      exchange.httpStatus,
      body,
      exchange.error,
    );
  }

  async exchanges(taskId: string): Promise<NewExchange[]> {
    const rows = await this.db.all<ExchangeRow>(
      'SELECT task_id, at, operation, http_status, body, error FROM upstream_exchanges WHERE task_id = ? ORDER BY id',
      taskId,
    );
    return rows.map((row) => ({
      taskId: row.task_id,
      at: row.at,
      operation: row.operation,
      httpStatus: row.http_status,
      body: parseBody(row.body),
      error: row.error,
    }));
  }
}
