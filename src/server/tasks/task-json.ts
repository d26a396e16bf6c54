/** A stored task as the API answers it (taskSchema): the one place records become JSON. */
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { mediaUrlPath } from '@/server/media/media-storage';
import { snakeCased } from '@/server/store/snake-case';
import type { TaskRecord } from '@/server/store/tasks-store';
import { attentionOf } from './task-attention';

const iso = (ms: number) => new Date(ms).toISOString();

/* Fields the JSON gives as the record holds them, under their snake_case names. */
const AS_STORED_BEFORE_PROGRESS = [
  'status',
  'model',
  'mode',
  'prompt',
  'image',
  'imageName',
  'duration',
  'resolution',
  'priceCredits',
  'chargedCredits',
] as const satisfies readonly (keyof TaskRecord)[];
const AS_STORED_AFTER_ERROR = [
  'upstreamTaskId',
  'engine',
  'batchId',
  'callbackUrl',
] as const satisfies readonly (keyof TaskRecord)[];

/**
 * Seconds left: from progress once it says something, else from how long this engine usually
 * takes. Never below 1 while unfinished: "0 s left" on a running task reads as a bug.
 */
export function etaSeconds(task: TaskRecord, typicalDurationMs: number, now: number): number | null {
  if (isFinalStatus(task.status)) return null;
  const elapsed = Math.max(0, now - task.createdAt);
  const left =
    task.progress >= 5 ? (elapsed * (100 - task.progress)) / task.progress : Math.max(0, typicalDurationMs - elapsed);
  return Math.max(1, Math.round(left / 1000));
}

export function toTaskJson(task: TaskRecord, origin: string, typicalDurationMs: number, now = Date.now()): Task {
  const media = (relativePath: string) => `${origin}${mediaUrlPath(relativePath)}`;
  const result = task.result && {
    video_url: media(task.result.videoPath),
    poster_url: media(task.result.posterPath),
    download_url: `${media(task.result.videoPath)}?download=1`,
    width: task.result.width,
    height: task.result.height,
    duration_s: task.result.durationS,
  };
  // In the order of taskSchema, which is the order clients see.
  return {
    task_id: task.id,
    ...snakeCased(task, AS_STORED_BEFORE_PROGRESS),
    progress: Math.round(task.progress),
    eta_s: etaSeconds(task, typicalDurationMs, now),
    result: task.status === 'succeeded' ? result : null,
    error: task.error,
    attention: attentionOf(task),
    ...snakeCased(task, AS_STORED_AFTER_ERROR),
    created_at: iso(task.createdAt),
    updated_at: iso(task.updatedAt),
    finished_at: task.finishedAt === null ? null : iso(task.finishedAt),
    retry_of: task.retryOf,
  };
}
