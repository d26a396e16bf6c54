/** The tasks table's row and its mapping to a TaskRecord. */
import type { Duration, Mode, Resolution } from '@/shared/pricing';
import type { TaskStatus } from '@/shared/status';
import type { EngineName, NewTask, TaskRecord } from '../tasks-store';

export interface TaskRow {
  id: string;
  engine: EngineName;
  status: TaskStatus;
  model: string;
  model_id: string;
  mode: Mode;
  prompt: string;
  image: string;
  duration: Duration;
  resolution: Resolution;
  price_credits: number;
  charged_credits: number;
  callback_url: string | null;
  batch_id: string | null;
  idempotency_key: string | null;
  upstream_task_id: string | null;
  progress: number;
  video_path: string | null;
  poster_path: string | null;
  width: number | null;
  height: number | null;
  duration_s: number | null;
  error_code: string | null;
  error_message: string | null;
  submit_started_at: number | null;
  submitted_at: number | null;
  next_poll_at: number | null;
  attempts: number;
  failures: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export function toTaskRecord(row: TaskRow): TaskRecord {
  const hasResult = row.video_path !== null && row.poster_path !== null && row.width !== null && row.height !== null;
  return {
    id: row.id,
    engine: row.engine,
    status: row.status,
    model: row.model,
    modelId: row.model_id,
    mode: row.mode,
    prompt: row.prompt,
    image: row.image,
    duration: row.duration,
    resolution: row.resolution,
    priceCredits: row.price_credits,
    chargedCredits: row.charged_credits,
    callbackUrl: row.callback_url,
    batchId: row.batch_id,
    idempotencyKey: row.idempotency_key,
    upstreamTaskId: row.upstream_task_id,
    progress: row.progress,
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
    submitStartedAt: row.submit_started_at,
    submittedAt: row.submitted_at,
    nextPollAt: row.next_poll_at,
    attempts: row.attempts,
    failures: row.failures,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** Named parameters for the INSERT of a new task. */
export function newTaskParams(task: NewTask) {
  return {
    id: task.id,
    engine: task.engine,
    model: task.model,
    model_id: task.modelId,
    mode: task.mode,
    prompt: task.prompt,
    image: task.image,
    duration: task.duration,
    resolution: task.resolution,
    price_credits: task.priceCredits,
    callback_url: task.callbackUrl,
    batch_id: task.batchId,
    idempotency_key: task.idempotencyKey,
    created_at: task.createdAt,
  };
}
