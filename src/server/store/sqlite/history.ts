import type { HistoryStore, NewExchange, NewTaskEvent, TaskEventRecord } from '../history-store';
import { insertEvent } from './events';
import type { StatementCache } from './statement-cache';

interface ExchangeRow {
  task_id: string;
  at: number;
  operation: NewExchange['operation'];
  http_status: number | null;
  body: string | null;
  error: string | null;
}

function parseBody(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class SqliteHistoryStore implements HistoryStore {
  constructor(private readonly statements: StatementCache) {}

  async addEvent(taskId: string, event: NewTaskEvent): Promise<void> {
    insertEvent(this.statements, taskId, event);
  }

  async events(taskId: string): Promise<TaskEventRecord[]> {
    const rows = this.statements
      .get('SELECT task_id, at, status, progress, source, message FROM task_events WHERE task_id = ? ORDER BY id')
      .all(taskId) as (Omit<TaskEventRecord, 'taskId'> & { task_id: string })[];
    return rows.map(({ task_id, ...event }) => ({ taskId: task_id, ...event }));
  }

  async addExchange(exchange: NewExchange): Promise<void> {
    const body = exchange.body === undefined ? null : JSON.stringify(exchange.body);
    this.statements
      .get(
        'INSERT INTO upstream_exchanges (task_id, at, operation, http_status, body, error) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(exchange.taskId, exchange.at, exchange.operation, exchange.httpStatus, body, exchange.error);
  }

  async exchanges(taskId: string): Promise<NewExchange[]> {
    const rows = this.statements
      .get(
        'SELECT task_id, at, operation, http_status, body, error FROM upstream_exchanges WHERE task_id = ? ORDER BY id',
      )
      .all(taskId) as ExchangeRow[];
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
