/** A task by our id or the upstream's, or the one 404 every task route answers. */
import { HttpError } from '@/server/http/http-error';
import type { TaskRecord, TasksStore } from '@/server/store/tasks-store';

export async function findTask(tasks: TasksStore, id: string): Promise<TaskRecord> {
  const task = id.length <= 200 ? ((await tasks.get(id)) ?? (await tasks.getByUpstreamId(id))) : null;
  if (!task) {
    throw new HttpError(
      404,
      'not_found',
      `No task with id "${id.slice(0, 200)}". Both our ids (tsk_…) and upstream task ids work here.`,
    );
  }
  return task;
}
