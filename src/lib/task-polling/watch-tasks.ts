/**
 * The list view's polling: every unfinished task on screen in ONE request
 * (`GET /api/v1/tasks?ids=a,b,c`) instead of one per card. Answers are written into each
 * task's own cache entry, which the cards (and the inspector) read.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '@/lib/query-keys';
import { rememberTasks } from './remember-tasks';
import { isDocumentHidden, taskPollInterval } from './poll-interval';
import type { Task } from '@/shared/contract';
import { TASK_LIST_MAX_LIMIT } from '@/shared/limits';
import { getTasks } from '@/lib/api/get-tasks';

export function useWatchTasks(ids: readonly string[], onFinished: (tasks: Task[]) => void) {
  const finishedHandler = useRef(onFinished);
  useEffect(() => {
    finishedHandler.current = onFinished;
  }, [onFinished]);

  const watched = ids.slice(0, TASK_LIST_MAX_LIMIT);
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
    refetchInterval: () => taskPollInterval(undefined, isDocumentHidden()),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}
