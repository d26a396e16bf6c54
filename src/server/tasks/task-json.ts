/** A stored task as the API answers it (taskSchema): the one place records become JSON. */
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { mediaUrlPath } from '@/server/media/media-storage';
import type { TaskRecord } from '@/server/store/tasks-store';

const iso = (ms: number) => new Date(ms).toISOString();

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
  return {
    task_id: task.id,
    status: task.status,
    model: task.model,
    mode: task.mode,
    prompt: task.prompt,
    image: task.image,
    duration: task.duration,
    resolution: task.resolution,
    price_credits: task.priceCredits,
    charged_credits: task.chargedCredits,
    progress: Math.round(task.progress),
    eta_s: etaSeconds(task, typicalDurationMs, now),
    result: task.status === 'succeeded' ? result : null,
    error: task.error,
    upstream_task_id: task.upstreamTaskId,
    engine: task.engine,
    batch_id: task.batchId,
    callback_url: task.callbackUrl,
    created_at: iso(task.createdAt),
    updated_at: iso(task.updatedAt),
    finished_at: task.finishedAt === null ? null : iso(task.finishedAt),
  };
}
