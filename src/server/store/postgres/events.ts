import type { NewTaskEvent } from '../history-store';
import type { Sql } from './pg-database';

/** Shared by the history store and the task transitions that write their events in the same transaction. */
export async function insertEvents(
  sql: Sql,
  events: readonly { taskId: string; event: NewTaskEvent }[],
): Promise<void> {
  const values = events.map(
    (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
  );
  await sql.write(
    `INSERT INTO task_events (task_id, at, status, progress, source, message) VALUES ${values.join(', ')}`,
    events.flatMap(({ taskId, event }) => [
      taskId,
      event.at,
      event.status,
      event.progress,
      event.source,
      event.message,
    ]),
  );
}
