/** A batch as the API answers it (batchSchema), summed from its tasks: the batch has no row of its own. */
import type { Batch } from '@/shared/batch-contract';
import { isFinalStatus, TASK_STATUSES, type TaskStatus } from '@/shared/status';
import type { TaskRecord } from '@/server/store/tasks-store';
import { toTaskJson } from './task-json';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `all` in the order they were asked for (the batch's first task first); never empty. A failed
 * task that was retried counts as its retry, so "Retry failed" never makes a batch look larger.
 */
export function toBatchJson(
  batchId: string,
  all: readonly TaskRecord[],
  origin: string,
  typicalDurationMs: number,
  now = Date.now(),
): Batch {
  const retried = new Set(all.flatMap((task) => (task.retryOf ? [task.retryOf] : [])));
  const tasks = all.filter((task) => !retried.has(task.id));
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of tasks) counts[task.status]++;
  const done = tasks.every((task) => isFinalStatus(task.status));
  const progress = tasks.reduce((sum, task) => sum + (isFinalStatus(task.status) ? 100 : task.progress), 0);
  const lastEnd = Math.max(...tasks.map((task) => task.finishedAt ?? 0));
  return {
    batch_id: batchId,
    prompt: tasks[0]!.prompt,
    created_at: iso(Math.min(...tasks.map((task) => task.createdAt))),
    finished_at: done ? iso(lastEnd) : null,
    task_count: tasks.length,
    counts,
    retried: retried.size,
    progress: Math.round(progress / tasks.length),
    done,
    total_price_credits: tasks.reduce((sum, task) => sum + task.priceCredits, 0),
    charged_credits: tasks.reduce((sum, task) => sum + task.chargedCredits, 0),
    tasks: tasks.map((task) => toTaskJson(task, origin, typicalDurationMs, now)),
  };
}
