/**
 * What `GET /api/v1/tasks/{id}` sends: the task's JSON and its ETag. A final task never changes
 * again (every write to a task is conditioned on its being unfinished), so its serialized answer
 * is kept and served without the database, the mapping or JSON.stringify: finished tasks are
 * read far more often than anything else (pollers catching the end, the inspector, links).
 */
import { isFinalStatus } from '@/shared/status';
import type { TaskRecord } from '@/server/store/tasks-store';
import { toTaskJson } from './task-json';

export interface TaskAnswer {
  body: string;
  etag: string;
}

/* In every ETag, so a browser's copy from an earlier process (perhaps another JSON shape) never passes for current. */
const BOOT = Date.now().toString(36);

/* About a megabyte per thousand answers; the oldest kept answer makes room when full. */
const DEFAULT_CAPACITY = 5000;

export class TaskAnswers {
  private readonly finals = new Map<string, TaskAnswer>();

  constructor(
    private readonly typicalDurationMs: number,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The kept answer of a final task asked for by this id (ours or the upstream's) at this origin. */
  kept(origin: string, id: string): TaskAnswer | undefined {
    return this.finals.get(`${origin} ${id}`);
  }

  answer(task: TaskRecord, origin: string, askedAs: string): TaskAnswer {
    const json = toTaskJson(task, origin, this.typicalDurationMs);
    // Everything in the body follows from the stored row (updated_at moves on every write) and the eta.
    const version = `${task.updatedAt.toString(36)}-${task.status}-${json.progress}-${json.eta_s ?? ''}`;
    const answer = { body: JSON.stringify(json), etag: `"${BOOT}-${version}"` };
    if (isFinalStatus(task.status)) this.keep(`${origin} ${askedAs}`, answer);
    return answer;
  }

  private keep(key: string, answer: TaskAnswer): void {
    if (this.finals.size >= this.capacity) {
      const oldest = this.finals.keys().next();
      if (!oldest.done) this.finals.delete(oldest.value);
    }
    this.finals.set(key, answer);
  }
}
