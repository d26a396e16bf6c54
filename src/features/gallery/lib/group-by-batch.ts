/** A run of the gallery: one task on its own, or a batch's tasks under one header. */
import type { Task } from '@/shared/contract';

export type GalleryGroup = { batchId: null; tasks: [Task] } | { batchId: string; tasks: Task[] };

/**
 * Groups the newest-first list into single tasks and batches. A batch's tasks were made in one
 * moment, so they sit next to each other in the list — except its retries ("Retry failed"),
 * made later: every task of a batch joins its one group, which sits where its newest task is.
 * Within a batch they are put back in the order they were asked for (the list has them newest
 * — i.e. last asked — first).
 */
export function groupByBatch(tasks: readonly Task[]): GalleryGroup[] {
  const groups: GalleryGroup[] = [];
  const batches = new Map<string, Task[]>();
  for (const task of tasks) {
    const batch = task.batch_id ? batches.get(task.batch_id) : undefined;
    if (batch) batch.push(task);
    else if (task.batch_id) {
      const group = { batchId: task.batch_id, tasks: [task] };
      batches.set(task.batch_id, group.tasks);
      groups.push(group);
    } else groups.push({ batchId: null, tasks: [task] });
  }
  for (const group of groups) if (group.batchId) group.tasks.reverse();
  return groups;
}
