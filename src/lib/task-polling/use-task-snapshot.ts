/**
 * A card's view of its task: the task's own cache entry (queryKeys.task), without a request of
 * its own — the list's one `?ids=` poll keeps it fresh (watch-tasks.ts). The inspector polls
 * the same entry with taskQueryOptions, so both always agree.
 */
import { useQuery } from '@tanstack/react-query';
import { taskQueryOptions } from './get-task';
import type { Task } from '@/shared/contract';

export function useTaskSnapshot(task: Task): Task {
  const { data } = useQuery({ ...taskQueryOptions(task.task_id), initialData: task, enabled: false });
  return data;
}
