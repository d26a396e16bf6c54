import type { NewTaskEvent } from '../history-store';
import { eventRow } from '../history-row';
import { insertSql, POSTGRES } from '../sql-dialect';
import type { Sql } from './pg-database';

/** Shared by the history store and the task transitions that write their events in the same transaction. */
export async function insertEvents(
  sql: Sql,
  events: readonly { taskId: string; event: NewTaskEvent }[],
): Promise<void> {
  const { text, values } = insertSql(
    'task_events',
    events.map(({ taskId, event }) => eventRow(taskId, event)),
    POSTGRES,
  );
  await sql.write(text, values);
}
