import type { NewTaskEvent } from '../history-store';
import type { SqliteDatabase } from './sqlite-database';

/** Shared by the history store and the task transitions that write their event in the same transaction. */
export function insertEvent(db: SqliteDatabase, taskId: string, event: NewTaskEvent): void {
  db.prepare('INSERT INTO task_events (task_id, at, status, progress, source, message) VALUES (?, ?, ?, ?, ?, ?)').run(
    taskId,
    event.at,
    event.status,
    event.progress,
    event.source,
    event.message,
  );
}
