import type { TaskStatus } from '@/shared/status';
import type { Engine, EngineTask } from '@/server/engine/engine';
import type { Logger } from '@/server/logger';
import type { MediaStorage } from '@/server/media/media-storage';
import type { NewTaskEvent } from '@/server/store/history-store';
import type { Store } from '@/server/store/store';
import type { TaskRecord } from '@/server/store/tasks-store';
import type { ExchangeLog } from './exchange-log';
import type { Limiter } from './limiter';

/** What the tracker's steps share: where state lives, who does the work, and the shutdown signal. */
export interface TrackingContext {
  store: Store;
  engine: Engine;
  media: MediaStorage;
  log: Logger;
  exchanges: ExchangeLog;
  /** A task still unfinished this long after it was created ends failed. */
  deadlineMs: number;
  /** Aborted when the server stops: calls in progress end, and their tasks are picked up on the next start. */
  stopping: AbortSignal;
  onTaskEnded?: (taskId: string) => void;
  /** Copies of finished videos, few at once however many polls find theirs ready together. */
  downloads?: Limiter;
}

export function taskEvent(
  status: TaskStatus,
  progress: number,
  source: NewTaskEvent['source'],
  message: string | null = null,
): NewTaskEvent {
  return { at: Date.now(), status, progress, source, message };
}

export function engineTask(task: TaskRecord): EngineTask {
  return {
    id: task.id,
    model: task.model,
    prompt: task.prompt,
    image: task.image,
    duration: task.duration,
    resolution: task.resolution,
    upstreamTaskId: task.upstreamTaskId,
    submittedAt: task.submittedAt,
  };
}
