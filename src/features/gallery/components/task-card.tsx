import { useId } from 'react';
import { ProgressBar } from '@/components/progress-bar';
import { StatusBadge } from '@/components/status-badge';
import { formatAge } from '@/lib/format-age';
import { formatCredits } from '@/lib/format-credits';
import { formatDateTime } from '@/lib/format-date-time';
import { formatEta } from '@/lib/format-eta';
import type { Task } from '@/shared/contract';
import { STATUS_LABELS } from '@/shared/status';
import { useTaskSnapshot } from '@/lib/task-polling/use-task-snapshot';
import { failureText } from '@/features/gallery/lib/failure-text';
import { REUSE_LABEL, TaskActions, TaskQuickLinks } from './task-actions';
import { TaskMedia } from './task-media';
import { MODE_LABELS } from '@/lib/mode-labels';

export interface TaskCardProps {
  task: Task;
  now: number;
  onWatch: (task: Task) => void;
  eager: boolean;
  /** Ticked for a ZIP or a comparison; no checkbox without `onSelectedChange`. */
  selected?: boolean;
  onSelectedChange?: (selected: boolean) => void;
}

/* A failed or canceled card's message says it was not charged; the line does not say it again. */
function priceLine(task: Task): string | null {
  if (task.status === 'succeeded') return `${formatCredits(task.charged_credits || task.price_credits)} charged`;
  if (task.status === 'failed' || task.status === 'canceled') return null;
  return formatCredits(task.price_credits);
}

export function TaskCard({ task: listed, now, onWatch, eager, selected, onSelectedChange }: TaskCardProps) {
  const task = useTaskSnapshot(listed);
  const promptId = useId();
  const running = task.status === 'queued' || task.status === 'running';
  const eta = task.status === 'running' ? formatEta(task.eta_s) : null;

  return (
    <article
      aria-labelledby={promptId}
      data-testid="task-card"
      data-task-id={task.task_id}
      data-status={task.status}
      className={`flex min-w-0 flex-col overflow-hidden rounded-xl bg-white shadow-sm dark:bg-slate-900 ${selected ? 'ring-2 ring-brand-600 dark:ring-brand-400' : 'ring-1 ring-slate-200 dark:ring-slate-800'}`}
    >
      <TaskMedia task={task} onOpenPlayer={() => onWatch(task)} eager={eager} />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-center gap-2">
          {onSelectedChange ? (
            <label className="flex size-6 shrink-0 cursor-pointer items-center justify-center">
              <input
                type="checkbox"
                checked={selected ?? false}
                onChange={(event) => onSelectedChange(event.target.checked)}
                aria-label={`Select for download or compare: ${task.prompt.slice(0, 60)}`}
                className="size-5 cursor-pointer accent-brand-600"
              />
            </label>
          ) : null}
          <StatusBadge status={task.status} />
          <time
            dateTime={task.created_at}
            title={formatDateTime(task.created_at)}
            className="text-xs text-slate-600 dark:text-slate-400"
          >
            {formatAge(task.created_at, now)}
          </time>
          <span className="-my-1 ml-auto">
            <TaskQuickLinks task={task} />
          </span>
        </div>
        {task.image_name ? (
          <p
            className="truncate text-sm font-medium text-slate-900 dark:text-slate-100"
            title={task.image_name}
            data-testid="task-photo-name"
          >
            {task.image_name}
          </p>
        ) : null}
        <p
          id={promptId}
          className="line-clamp-2 text-sm wrap-anywhere text-slate-900 dark:text-slate-100"
          title={task.prompt}
        >
          {task.prompt}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {[MODE_LABELS[task.mode], `${task.duration} s`, task.resolution, priceLine(task)].filter(Boolean).join(' · ')}
        </p>
        {running ? (
          <div className="flex flex-col gap-1">
            <ProgressBar
              value={task.status === 'queued' ? null : task.progress}
              label={`${STATUS_LABELS[task.status]}: ${task.prompt.slice(0, 60)}`}
            />
            <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="task-progress">
              {task.status === 'queued' ? 'Waiting for a free slot' : `${Math.round(task.progress)}%`}
              {eta ? ` · ${eta}` : ''}
            </p>
          </div>
        ) : null}
        {task.status === 'failed' || task.status === 'canceled' ? (
          <div
            className="rounded-lg bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950/60 dark:text-red-200"
            data-testid="task-error"
          >
            <p>{failureText(task)}</p>
            <p className="mt-1 font-medium">“{REUSE_LABEL}” fills the form to try again.</p>
          </div>
        ) : null}
        <div className="mt-auto pt-1">
          <TaskActions task={task} onWatch={() => onWatch(task)} />
        </div>
      </div>
    </article>
  );
}
