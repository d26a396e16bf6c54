/**
 * The gallery's polling: every unfinished task on screen in ONE request
 * (`GET /api/v1/tasks?ids=a,b,c`) instead of one per card. Answers are written into each
 * task's own cache entry, which the cards (and the inspector) read.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getTasks } from '@/lib/api/get-tasks';
import { queryKeys } from '@/lib/query-keys';
import type { Task } from '@/shared/contract';
import { TASK_LIST_MAX_LIMIT } from '@/shared/limits';
import { isFinalStatus } from '@/shared/status';
import { taskPollInterval } from './poll-interval';
import { rememberTasks } from './remember-tasks';
import { usePageHidden } from './use-page-hidden';
import { useTaskSnapshots } from './use-task-snapshot';

/* Ids of the listed tasks still unfinished by their own (fresher) cache entries. */
const unfinishedIds = (fresh: Task[]) => fresh.flatMap((task) => (isFinalStatus(task.status) ? [] : [task.task_id]));

/**
 * Follows `listed` (tasks a list answered as unfinished) until each has ended; `onFinished`
 * hears of the tasks that ended with each answer.
 */
export function useWatchTasks(listed: readonly Task[], onFinished: (tasks: Task[]) => void) {
  const finishedHandler = useRef(onFinished);
  useEffect(() => {
    finishedHandler.current = onFinished;
  }, [onFinished]);

  const hidden = usePageHidden();
  const watched = useTaskSnapshots(listed, unfinishedIds).slice(0, TASK_LIST_MAX_LIMIT);
  return useQuery({
    queryKey: queryKeys.taskWatch(watched),
    queryFn: async ({ signal, client }) => {
      const page = await getTasks({ ids: watched.join(','), limit: watched.length }, signal);
      const finished = rememberTasks(client, page.items);
      if (finished.length) finishedHandler.current(finished);
      return page.items.map((task) => task.task_id);
    },
    enabled: watched.length > 0,
    /* The ids come from an answer that just arrived (the list, or the previous poll): the next
       question is due one interval later, not at once. */
    initialData: () => watched,
    initialDataUpdatedAt: () => Date.now(),
    staleTime: 1000,
    // Unfinished by definition: only the tab's visibility sets the pace.
    refetchInterval: () => taskPollInterval(undefined, hidden),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}
