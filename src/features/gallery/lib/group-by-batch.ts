/** A run of the gallery: one task on its own, or a batch's tasks under one header. */
import type { Task } from '@/shared/contract';

export type GalleryGroup = { batchId: null; tasks: [Task] } | { batchId: string; tasks: Task[] };

/**
 * Groups the newest-first list into single tasks and batches. A batch's tasks were made in one
 * moment, so they sit next to each other in the list; within a batch they are put back in the
 * order they were asked for (the list has them newest — i.e. last asked — first).
 */
export function groupByBatch(tasks: readonly Task[]): GalleryGroup[] {
  const groups: GalleryGroup[] = [];
  for (const task of tasks) {
    const last = groups.at(-1);
    if (task.batch_id && last?.batchId === task.batch_id) last.tasks.push(task);
    else groups.push(task.batch_id ? { batchId: task.batch_id, tasks: [task] } : { batchId: null, tasks: [task] });
  }
  for (const group of groups) if (group.batchId) group.tasks.reverse();
  return groups;
}
