/**
 * Writes tasks fetched in bulk (a list page, the gallery's `?ids=` watch) into each task's own cache
 * entry, so a card, the inspector and the list all read one copy of a task.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { queryKeys } from '@/lib/query-keys';

/** The copy to keep: an answer that left the server earlier must not roll a task back. */
export function newerTask(cached: Task | undefined, incoming: Task): Task {
  if (!cached) return incoming;
  if (isFinalStatus(cached.status) && !isFinalStatus(incoming.status)) return cached;
  return Date.parse(incoming.updated_at) >= Date.parse(cached.updated_at) ? incoming : cached;
}

/** True when this update is the moment the task ended (it was known and unfinished before). */
export function justFinished(cached: Task | undefined, kept: Task): boolean {
  return cached !== undefined && !isFinalStatus(cached.status) && isFinalStatus(kept.status);
}

/** Stores each task under its own key; returns the tasks that ended with this update. */
export function rememberTasks(client: QueryClient, tasks: readonly Task[]): Task[] {
  const finished: Task[] = [];
  for (const task of tasks) {
    const key = queryKeys.task(task.task_id);
    const cached = client.getQueryData<Task>(key);
    const kept = newerTask(cached, task);
    if (kept !== cached) client.setQueryData(key, kept);
    if (justFinished(cached, kept)) finished.push(kept);
  }
  return finished;
}
