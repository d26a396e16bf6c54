import { StatusBadge } from '@/components/status-badge';
import type { Task } from '@/shared/contract';
import { AttentionBadge } from './attention-badge';
import { TaskLink } from './task-link';
import { TaskRowError } from './task-row-error';
import { taskRowValues } from './task-row-values';

/** The phone list: the same facts as the table, stacked, because ten columns do not fit in 360 px. */
export function TaskCards({ tasks, now }: { tasks: readonly Task[]; now: number }) {
  return (
    <ul className="flex flex-col gap-3 md:hidden" aria-label="Tasks, newest first" data-testid="task-cards">
      {tasks.map((task) => {
        const values = taskRowValues(task, now);
        return (
          <li
            key={task.task_id}
            className="flex flex-col gap-2 rounded-2xl bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
          >
            <div className="flex items-center justify-between gap-2">
              <div className="flex flex-wrap gap-1">
                <StatusBadge status={task.status} />
                {task.attention ? <AttentionBadge /> : null}
              </div>
              <span className="text-xs text-slate-600 dark:text-slate-400" title={values.createdFull}>
                {values.createdAge}
              </span>
            </div>
            <TaskLink taskId={task.task_id} />
            <p className="line-clamp-2 text-sm break-words text-slate-700 dark:text-slate-300">{task.prompt}</p>
            <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
              {values.mode} · {values.duration} · {values.resolution} · price {values.price} · charged {values.charged}
            </p>
            {task.error ? (
              <div data-testid="task-row-error">
                <TaskRowError error={task.error} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
