import type { NewTaskEvent } from '../history-store';
import type { StatementCache } from './statement-cache';

/** Shared by the history store and the task transitions that write their event in the same transaction. */
export function insertEvent(statements: StatementCache, taskId: string, event: NewTaskEvent): void {
  statements
    .get('INSERT INTO task_events (task_id, at, status, progress, source, message) VALUES (?, ?, ?, ?, ?, ?)')
    .run(taskId, event.at, event.status, event.progress, event.source, event.message);
}
