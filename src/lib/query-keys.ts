/** Every React Query key is built here, so invalidation and polling agree on one shape. */
import type { TaskListQueryInput } from '@/shared/contract';

export const queryKeys = {
  catalogue: () => ['catalogue'] as const,
  credits: () => ['credits'] as const,
  health: () => ['health'] as const,
  /** Whether sign-in is needed and done (features/auth). */
  session: () => ['auth', 'session'] as const,
  tasks: () => ['tasks'] as const,
  taskList: (filters: Omit<TaskListQueryInput, 'cursor'>) => ['tasks', 'list', filters] as const,
  task: (id: string) => ['tasks', 'detail', id] as const,
  /** The list view's one request for all its unfinished tasks (`GET /api/v1/tasks?ids=…`). */
  taskWatch: (ids: readonly string[]) => ['tasks', 'watch', ids] as const,
  taskHistory: (id: string) => ['tasks', 'history', id] as const,
  /* Under 'tasks', so whatever refreshes the tasks (a new submit) refreshes batches too. */
  batch: (id: string) => ['tasks', 'batch', id] as const,
  spend: (days: number) => ['spend', days] as const,
  /** Montages (features/montage): one list, polled while any renders. */
  montages: () => ['montages'] as const,
};
