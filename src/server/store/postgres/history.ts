import type { HistoryStore, NewExchange, NewTaskEvent, TaskEventRecord } from '../history-store';
import { EVENT_COLUMNS, EXCHANGE_COLUMNS, exchangeRow, toExchange, type ExchangeRow } from '../history-row';
import { insertSql, POSTGRES } from '../sql-dialect';
import { insertEvents } from './events';
import type { PgDatabase } from './pg-database';

export class PgHistoryStore implements HistoryStore {
  constructor(private readonly db: PgDatabase) {}

  addEvent(taskId: string, event: NewTaskEvent): Promise<void> {
    return insertEvents(this.db, [{ taskId, event }]);
  }

  async events(taskId: string): Promise<TaskEventRecord[]> {
    const rows = await this.db.rows<Omit<TaskEventRecord, 'taskId'> & { task_id: string }>(
      `SELECT ${EVENT_COLUMNS} FROM task_events WHERE task_id = $1 ORDER BY id`,
      [taskId],
    );
    return rows.map(({ task_id, ...event }) => ({ taskId: task_id, ...event }));
  }

  async addExchange(exchange: NewExchange): Promise<void> {
    const { text, values } = insertSql('upstream_exchanges', [exchangeRow(exchange)], POSTGRES);
    await this.db.write(text, values);
  }

  /* A `json` column: the driver has parsed the body already. */
  async exchanges(taskId: string): Promise<NewExchange[]> {
    const rows = await this.db.rows<ExchangeRow<unknown>>(
      `SELECT ${EXCHANGE_COLUMNS} FROM upstream_exchanges WHERE task_id = $1 ORDER BY id`,
      [taskId],
    );
    return rows.map((row) => toExchange(row, (body) => body));
  }
}
