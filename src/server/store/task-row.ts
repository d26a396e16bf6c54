/** The tasks table's row (the same columns in SQLite and PostgreSQL) and its mapping to a TaskRecord. */
import { fromSnakeCased, snakeCased, type SnakeCased } from './snake-case';
import { NEW_TASK_FIELDS, type NewTask, type TaskRecord } from './tasks-store';

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

/** Named parameters for the INSERT of a new task. */
export function newTaskParams(task: NewTask) {
  return snakeCased(task, NEW_TASK_FIELDS);
}
