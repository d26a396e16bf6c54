/**
 * A view's read of tasks it already has: each task's own cache entry (queryKeys.task), with no
 * request of its own. Something else keeps the entry fresh — the gallery's one `?ids=` watch
 * (watch-tasks.ts), or the inspector polling the same entry with taskQueryOptions — so a card,
 * a batch's header and the inspector always agree.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Task } from '@/shared/contract';
import { taskQueryOptions } from './get-task';

/* The listed copy is the starting point; `enabled: false` keeps this reader from fetching. */
function snapshotOptions(task: Task) {
  return { ...taskQueryOptions(task.task_id), initialData: task, enabled: false };
}

/** One card's task, as fresh as the cache has it. */
export function useTaskSnapshot(task: Task): Task {
  return useQuery(snapshotOptions(task)).data;
}

/** Many listed tasks as fresh as the cache has them, reduced by `combine` (to ids, a count, a key). */
export function useTaskSnapshots<T>(tasks: readonly Task[], combine: (fresh: Task[]) => T): T {
  return useQueries({
    queries: tasks.map(snapshotOptions),
    combine: (results) => combine(results.flatMap((result) => (result.data ? [result.data] : []))),
  });
}

/** Tasks known only by id (a selection), as the cache has them; ids not in the cache are left out. */
export function useCachedTasks(ids: readonly string[]): Task[] {
  return useQueries({
    queries: ids.map((id) => ({ ...taskQueryOptions(id), enabled: false })),
    combine: (results) => results.flatMap((result) => (result.data ? [result.data] : [])),
  });
}
