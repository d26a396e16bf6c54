import { useState } from 'react';
import { useTaskSnapshots } from '@/lib/task-polling/use-task-snapshot';
import type { Task } from '@/shared/contract';
import { shortPrompt } from '@/features/gallery/lib/short-prompt';
import { activeStatusKey, startedTaskIds } from '@/features/gallery/lib/started-tasks';

/** The waiting and running tasks' statuses, read from each task's (fresher) cache entry. */
function useActiveStatuses(tasks: readonly Task[]): string {
  return useTaskSnapshots(tasks, activeStatusKey);
}

/**
 * Tells a screen reader when a waiting video starts being made — a transition, said once, never
 * a progress tick. The other moments already speak: the submit toast ("on its way") and the
 * finish toast ("ready" / "could not be made"), so they are not repeated here.
 */
export function GalleryAnnouncer({ tasks }: { tasks: readonly Task[] }) {
  const statuses = useActiveStatuses(tasks);
  const [seen, setSeen] = useState(statuses);
  const [message, setMessage] = useState('');
  if (statuses !== seen) {
    // Adjusting state while rendering: React's documented way to react to changed data.
    setSeen(statuses);
    const started = startedTaskIds(seen, statuses);
    const first = tasks.find((task) => task.task_id === started[0]);
    if (started.length === 1 && first) setMessage(`Now making your video: ${shortPrompt(first.prompt)}`);
    else if (started.length > 1) setMessage(`${started.length} of your videos are now being made.`);
  }
  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="gallery-announcement">
      {message}
    </p>
  );
}
