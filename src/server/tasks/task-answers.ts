/**
 * What `GET /api/v1/tasks/{id}` sends: the task's JSON and its ETag.
 *
 * A final task never changes again (every write to a task is conditioned on its being
 * unfinished), so its serialized answer is kept and served without the database, the mapping
 * or JSON.stringify: finished tasks are read far more often than anything else.
 *
 * A running task is polled by every watching tab, and most polls find it as it was. Its record
 * and answer are kept too, beside the row's version, which the database itself moves on every
 * update (a trigger: SQLite migration 3, PostgreSQL migration 2), whichever server or statement
 * writes. Each request reads only that version (one integer by primary key) and re-reads the
 * task when it moved or the task is gone. So no server ever answers a state older than the last
 * committed write, also with several servers on one PostgreSQL; a TTL or change notifications
 * would leave a window where one could. The body is rebuilt from the kept record only when the
 * time-dependent eta has changed.
 */
import { isFinalStatus } from '@/shared/status';
import type { TaskRecord, TasksStore } from '@/server/store/tasks-store';
import { etaSeconds, toTaskJson } from './task-json';

export interface TaskAnswer {
  body: string;
  etag: string;
}

interface LiveAnswer extends TaskAnswer {
  task: TaskRecord;
  version: number;
  eta: number | null;
}

/* In every ETag, so a browser's copy from an earlier process (perhaps another JSON shape) never passes for current. */
const BOOT = Date.now().toString(36);

/* About a megabyte per thousand answers; the oldest kept answer makes room when full. */
const DEFAULT_CAPACITY = 5000;

function keep<T>(map: Map<string, T>, capacity: number, key: string, value: T): void {
  if (map.size >= capacity && !map.has(key)) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

export class TaskAnswers {
  private readonly finals = new Map<string, TaskAnswer>();
  private readonly live = new Map<string, LiveAnswer>();

  constructor(
    private readonly typicalDurationMs: number,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The kept answer of a final task asked for by this id (ours or the upstream's) at this origin. */
  kept(origin: string, id: string): TaskAnswer | undefined {
    return this.finals.get(`${origin} ${id}`);
  }

  /**
   * The current answer for a task asked for by `askedAs`: a final one kept, a running one kept
   * while its version has not moved, otherwise read through `find` (which throws for no task).
   */
  async current(
    tasks: Pick<TasksStore, 'version' | 'get'>,
    find: (id: string) => Promise<TaskRecord>,
    origin: string,
    askedAs: string,
  ): Promise<TaskAnswer> {
    const key = `${origin} ${askedAs}`;
    const final = this.finals.get(key);
    if (final) return final;
    const held = this.live.get(key);
    if (held && (await tasks.version(held.task.id)) === held.version) return this.refreshed(key, held);
    this.live.delete(key);
    // The version first, then the task: a write in between leaves the version older than the
    // record, so the next request re-reads; never the other way round.
    const id = held?.task.id ?? (await find(askedAs)).id;
    const version = await tasks.version(id);
    const task = version === null ? null : await tasks.get(id);
    if (task === null || version === null) return this.answer(await find(askedAs), origin, askedAs);
    return this.answer(task, origin, askedAs, version);
  }

  answer(task: TaskRecord, origin: string, askedAs: string, version?: number): TaskAnswer {
    const now = Date.now();
    const json = toTaskJson(task, origin, this.typicalDurationMs, now);
    // Everything in the body follows from the stored row (its version moves on every write) and the eta.
    const tag = `${version ?? ''}-${task.updatedAt.toString(36)}-${task.status}-${json.progress}-${json.eta_s ?? ''}`;
    const answer = { body: JSON.stringify(json), etag: `"${BOOT}-${tag}"` };
    const key = `${origin} ${askedAs}`;
    if (isFinalStatus(task.status)) keep(this.finals, this.capacity, key, answer);
    else if (version !== undefined) keep(this.live, this.capacity, key, { ...answer, task, version, eta: json.eta_s });
    return answer;
  }

  /* The kept running answer, rebuilt from its record only when the eta has moved on since. */
  private refreshed(key: string, held: LiveAnswer): TaskAnswer {
    if (etaSeconds(held.task, this.typicalDurationMs, Date.now()) === held.eta) return held;
    const [origin] = key.split(' ', 1);
    return this.answer(held.task, origin!, key.slice(origin!.length + 1), held.version);
  }
}
