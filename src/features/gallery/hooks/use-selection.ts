/**
 * The cards ticked for a ZIP or a comparison: ids in the order they were picked, and each
 * task read from its own cache entry, so a selected card that finishes is seen as finished.
 */
import { useCallback, useState } from 'react';
import { useCachedTasks } from '@/lib/task-polling/use-task-snapshot';
import type { Task } from '@/shared/contract';
import { TASK_LIST_MAX_LIMIT } from '@/shared/limits';

export interface Selection {
  ids: readonly string[];
  tasks: Task[];
  isSelected: (id: string) => boolean;
  set: (id: string, selected: boolean) => void;
  clear: () => void;
}

export function useSelection(): Selection {
  const [ids, setIds] = useState<readonly string[]>([]);
  const tasks = useCachedTasks(ids);
  const set = useCallback((id: string, selected: boolean) => {
    setIds((current) => {
      if (!selected) return current.filter((other) => other !== id);
      // One ZIP takes at most this many ids.
      return current.includes(id) || current.length >= TASK_LIST_MAX_LIMIT ? current : [...current, id];
    });
  }, []);
  const clear = useCallback(() => setIds([]), []);
  const isSelected = useCallback((id: string) => ids.includes(id), [ids]);
  return { ids, tasks, isSelected, set, clear };
}
