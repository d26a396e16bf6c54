import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Redirect, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { useTask } from '@/lib/task-polling/get-task';
import { queryKeys } from '@/lib/query-keys';
import { isNotFound } from '@/lib/api/is-not-found';
import { InspectorError, InspectorLoading } from './inspector-states';
import { TaskLookupFallback } from './task-lookup-fallback';
import { TaskInspector } from './task-inspector';

interface InspectorLocationState {
  foundBy?: string;
}

/* The router hands over the path segment as typed in the address bar, still percent-encoded. */
function decodedParam(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

/**
 * `/tasks/:taskId`, where the id may be ours or the upstream's (or, failing both, text to search
 * for: task-lookup-fallback.tsx). Once the server resolves an upstream id or a search its one task, the page moves to our id (replacing the history entry) so the inspector, the
 * gallery and a reload all share one cache entry and one address.
 */
export function TaskInspectorPage() {
  const taskId = decodedParam(useParams().taskId);
  const locationState = useHistoryState<InspectorLocationState | null>();
  const queryClient = useQueryClient();
  const query = useTask(taskId);
  const task = query.data;
  const canonicalId = task && task.task_id !== taskId ? task.task_id : null;

  useEffect(() => {
    if (canonicalId && task) queryClient.setQueryData(queryKeys.task(canonicalId), task);
  }, [canonicalId, task, queryClient]);

  useEffect(() => {
    // Support keeps several tasks open in tabs; the tab says which is which.
    const previous = document.title;
    document.title = `Task ${taskId} · ${previous}`;
    return () => {
      document.title = previous;
    };
  }, [taskId]);

  if (canonicalId) {
    const state: InspectorLocationState = { foundBy: taskId };
    return <Redirect to={`/tasks/${encodeURIComponent(canonicalId)}`} replace state={state} />;
  }
  if (task) {
    const foundBy = locationState?.foundBy ?? null;
    return (
      <TaskInspector
        task={task}
        foundBy={foundBy}
        taskFetching={query.isFetching}
        taskUpdatedAt={query.dataUpdatedAt}
        onRefetchTask={() => query.refetch()}
      />
    );
  }
  if (query.isError) {
    if (isNotFound(query.error)) return <TaskLookupFallback text={taskId} />;
    return <InspectorError message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  return <InspectorLoading taskId={taskId} />;
}
