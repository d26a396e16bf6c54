/** A batch's tasks in the order they were asked for: the batch has no row of its own. */
import { BATCH_MAX_TASKS } from '@/shared/limits';
import type { TaskRecord, TasksStore } from '@/server/store/tasks-store';

/* Newest first from the list; a batch's ids were handed out sorted, so reversed is the order asked for. */
export async function tasksOfBatch(tasks: TasksStore, batchId: string): Promise<TaskRecord[]> {
  return (await tasks.list({ batchId, limit: BATCH_MAX_TASKS })).reverse();
}
