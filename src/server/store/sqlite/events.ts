import type { NewTaskEvent } from '../history-store';
import { eventRow } from '../history-row';
import { insertSql, SQLITE } from '../sql-dialect';
import type { SqliteDatabase } from './sqlite-database';

/** Shared by the history store and the task transitions that write their event in the same transaction. */
export function insertEvent(db: SqliteDatabase, taskId: string, event: NewTaskEvent): void {
  const { text, values } = insertSql('task_events', [eventRow(taskId, event)], SQLITE);
  db.prepare(text).run(...values);
}
