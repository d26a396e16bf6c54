/** What the list shows for a task, written once for both the table and the phone cards. */
import { formatAge } from '@/lib/format-age';
import { MODE_LABELS } from '@/lib/mode-labels';
import type { Task } from '@/shared/contract';
import { formatDateTime } from '@/lib/format-date-time';

export interface TaskRowValues {
  mode: string;
  duration: string;
  resolution: string;
  price: string;
  charged: string;
  createdAge: string;
  createdFull: string;
}

export function taskRowValues(task: Task, now: number): TaskRowValues {
  return {
    mode: MODE_LABELS[task.mode],
    duration: `${task.duration} s`,
    resolution: task.resolution,
    price: String(task.price_credits),
    charged: String(task.charged_credits),
    createdAge: formatAge(task.created_at, now),
    createdFull: formatDateTime(task.created_at),
  };
}
