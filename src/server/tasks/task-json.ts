/** A stored task as the API answers it (taskSchema): the one place records become JSON. */
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { videoResultJson } from '@/server/media/video-result-json';
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

/*
 * How much the engine's usual duration counts against the progress seen so far: as much as 15 %
 * of progress made at the usual pace. Early progress is a poor guide (a task at 6 % after 2 s is
 * not 31 s from the end), so the estimate starts at the usual duration and moves to the measured
 * pace as progress grows, instead of leaping from 35 s at 6 % to 10 s at 41 %.
 */
const PRIOR_PROGRESS = 0.15;

/**
 * Seconds left. The pace is measured from when the engine took the task (time in our queue is
 * not the engine's), blended with how long this engine usually takes. Never below 1 while
 * unfinished: "0 s left" on a running task reads as a bug.
 */
export function etaSeconds(task: TaskRecord, typicalDurationMs: number, now: number): number | null {
  if (isFinalStatus(task.status)) return null;
  const working = Math.max(0, now - (task.submittedAt ?? task.createdAt));
  const done = Math.min(Math.max(task.progress, 0), 100) / 100;
  // No progress yet says nothing of the pace: the usual duration, counted down.
  const total =
    done === 0 ? typicalDurationMs : (working + PRIOR_PROGRESS * typicalDurationMs) / (done + PRIOR_PROGRESS);
  return Math.max(1, Math.round((total - working) / 1000));
}

export function toTaskJson(task: TaskRecord, origin: string, typicalDurationMs: number, now = Date.now()): Task {
  const result = task.result && videoResultJson(task.result, origin);
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
