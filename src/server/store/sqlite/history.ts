import type { HistoryStore, NewExchange, NewTaskEvent, TaskEventRecord } from '../history-store';
import { EVENT_COLUMNS, EXCHANGE_COLUMNS, exchangeRow, toExchange, type ExchangeRow } from '../history-row';
import { insertSql, SQLITE } from '../sql-dialect';
import { insertEvent } from './events';
import type { SqliteDatabase } from './sqlite-database';

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
      `SELECT ${EVENT_COLUMNS} FROM task_events WHERE task_id = ? ORDER BY id`,
      taskId,
    );
    return rows.map(({ task_id, ...event }) => ({ taskId: task_id, ...event }));
  }

  async addExchange(exchange: NewExchange): Promise<void> {
    const { text, values } = insertSql('upstream_exchanges', [exchangeRow(exchange)], SQLITE);
    await this.db.write(text, ...values);
  }

  async exchanges(taskId: string): Promise<NewExchange[]> {
    const rows = await this.db.all<ExchangeRow<string | null>>(
      `SELECT ${EXCHANGE_COLUMNS} FROM upstream_exchanges WHERE task_id = ? ORDER BY id`,
      taskId,
    );
    return rows.map((row) => toExchange(row, parseBody));
  }
}
