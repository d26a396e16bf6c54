/** The tasks table's row (the same columns in SQLite and PostgreSQL) and its mapping to a TaskRecord. */
import { fromSnakeCased, snakeCased, type SnakeCased } from './snake-case';
import type { NewTaskEvent } from './history-store';
import { NEW_TASK_FIELDS, type NewTask, type TaskPatch, type TaskRecord } from './tasks-store';

/** The condition of every write to a task: once final, a task never changes again. */
export const UNFINISHED = "status IN ('queued', 'running')";

export const PATCH_COLUMNS: Record<keyof TaskPatch, string> = {
  status: 'status',
  progress: 'progress',
  upstreamTaskId: 'upstream_task_id',
  submitStartedAt: 'submit_started_at',
  submittedAt: 'submitted_at',
  nextPollAt: 'next_poll_at',
  attempts: 'attempts',
  failures: 'failures',
};

/** The fields a patch sets, in order, with their values. */
export function patchEntries(patch: TaskPatch): [column: string, value: unknown][] {
  return (Object.entries(patch) as [keyof TaskPatch, unknown][])
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [PATCH_COLUMNS[key], value]);
}

/* Every field kept as it is in a column of its own (snake_case) name; result and error span several. */
const COLUMN_FIELDS = [
  ...NEW_TASK_FIELDS,
  'status',
  'chargedCredits',
  'upstreamTaskId',
  'progress',
  'submitStartedAt',
  'submittedAt',
  'nextPollAt',
  'attempts',
  'failures',
  'updatedAt',
  'finishedAt',
  'imageName',
  'hiddenAt',
  'retryOf',
] as const satisfies readonly Exclude<keyof TaskRecord, 'result' | 'error'>[];

export type TaskRow = SnakeCased<TaskRecord, (typeof COLUMN_FIELDS)[number]> & {
  video_path: string | null;
  poster_path: string | null;
  width: number | null;
  height: number | null;
  duration_s: number | null;
  error_code: string | null;
  error_message: string | null;
};

export function toTaskRecord(row: TaskRow): TaskRecord {
  const hasResult = row.video_path !== null && row.poster_path !== null && row.width !== null && row.height !== null;
  return {
    ...fromSnakeCased<TaskRecord, (typeof COLUMN_FIELDS)[number]>(row, COLUMN_FIELDS),
    result: hasResult
      ? {
          videoPath: row.video_path!,
          posterPath: row.poster_path!,
          width: row.width!,
          height: row.height!,
          durationS: row.duration_s ?? 0,
        }
      : null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

/** The first event of every task, written with it. */
export function acceptedEvent(task: NewTask): NewTaskEvent {
  return {
    at: task.createdAt,
    status: 'queued',
    progress: 0,
    source: 'api',
    message: 'Accepted; waiting for the engine.',
  };
}

/** The row a new task is inserted as: what the request decided, queued and due at once. */
export function newTaskRow(task: NewTask) {
  const at = task.createdAt;
  return {
    ...snakeCased(task, NEW_TASK_FIELDS),
    image_name: task.imageName ?? null,
    retry_of: task.retryOf ?? null,
    status: 'queued',
    next_poll_at: at,
    updated_at: at,
  };
}
