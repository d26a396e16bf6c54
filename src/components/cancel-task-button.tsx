import { useState } from 'react';
import { Button } from '@/components/button';
import { Icon } from '@/components/icons';
import { engineMayContinue, useCancelTask } from '@/lib/api/cancel-task';
import type { Task } from '@/shared/contract';

/**
 * Cancel for a queued or running task, on its card and in the inspector. It asks once before it
 * acts, and where API in One already has the task the question says what cancel cannot stop.
 */
export function CancelTaskButton({ task }: { task: Task }) {
  const [asking, setAsking] = useState(false);
  const cancel = useCancelTask();
  if (task.status !== 'queued' && task.status !== 'running') return null;
  const upstream = engineMayContinue(task);

  if (!asking) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setAsking(true)} data-testid="cancel-task">
        <Icon name="stop" /> Cancel
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Cancel this video?" className="flex w-full flex-col gap-1.5" data-testid="cancel-ask">
      <p className="text-xs text-slate-700 dark:text-slate-300">
        {upstream
          ? 'API in One already has this video and offers no cancel: it may still make it and bill your API in One account. We stop following it and charge nothing here.'
          : 'Stop making this video? Nothing is charged.'}
      </p>
      <div className="flex flex-wrap gap-1.5">
        <Button
          size="sm"
          variant="secondary"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(task, { onSettled: () => setAsking(false) })}
          data-testid="cancel-confirm"
        >
          <Icon name="stop" /> {upstream ? 'Stop following it' : 'Yes, cancel'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
          Keep going
        </Button>
      </div>
    </div>
  );
}
