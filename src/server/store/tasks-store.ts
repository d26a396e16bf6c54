/**
 * What the server needs from wherever tasks are kept: SQLite in DATA_DIR (one server) or
 * PostgreSQL (several servers sharing the work). Both implement every promise below, checked
 * by one contract suite (tests/support/store-contract/).
 *
 * Exactly once, whatever happens to a server:
 * - **Submitted upstream once.** A server works on a task only while it holds the task's lease
 *   (task-leases.ts); a lease is short and renewed while the step runs, so a dead server's task
 *   passes to another within a lease, and is never held by two at once. (A server that stalled
 *   past its lease may still finish a call it had started, but none of its writes lands.) The
 *   submit is sent with the task id as the upstream's Idempotency-Key, so a submit sent again
 *   after a takeover — the first may have reached the engine before its server died — finds the
 *   job the first one made.
 * - **Charged once.** `finish` is the only write that ends a task; it is conditioned on the task
 *   being unfinished (and, with a lease, on holding it), and writes the charge under the unique
 *   ledger key `charge:<task id>` in the same transaction: a second `finish`, from this server
 *   or a late one whose lease was taken over, changes nothing and answers false.
 * - **Called back once.** The callback outbox entry is written by that same transaction, once;
 *   its sender claims it with a lease too (CallbacksStore.claimDue). Delivery is at least once
 *   (a server can die after the receiver answered and before the outbox says so), and every
 *   attempt carries the Idempotency-Key `callback-<task id>` so a receiver can drop a repeat.
 */
import type { Duration, Mode, Resolution } from '@/shared/pricing';
import type { TaskStatus } from '@/shared/status';
import type { NewTaskEvent } from './history-store';
import type { StatusCounts } from './task-counts';
import type { Lease } from './task-leases';

export type EngineName = 'local' | 'apiinone';

export interface TaskResultRecord {
  /** Relative to the media root, e.g. `videos/tsk_….mp4`. */
  videoPath: string;
  posterPath: string;
  width: number;
  height: number;
  durationS: number;
}

export interface TaskRecord {
  id: string;
  engine: EngineName;
  status: TaskStatus;
  /** The model name as the client sent it (the seed's `hailuo-2-3` stays `hailuo-2-3`). */
  model: string;
  /** The catalogue id it resolves to, for filtering. */
  modelId: string;
  mode: Mode;
  prompt: string;
  image: string;
  /** The photo's own name (an upload's file name, a link's last path segment), sanitized; null when unknown. */
  imageName: string | null;
  duration: Duration;
  resolution: Resolution;
  priceCredits: number;
  chargedCredits: number;
  callbackUrl: string | null;
  batchId: string | null;
  idempotencyKey: string | null;
  upstreamTaskId: string | null;
  progress: number;
  result: TaskResultRecord | null;
  error: { code: string; message: string } | null;
  /** When a submit to the engine was first attempted; set before the call, so a crash mid-submit is visible. */
  submitStartedAt: number | null;
  /** When the engine accepted the task. */
  submittedAt: number | null;
  nextPollAt: number | null;
  /** Engine calls made for this task. */
  attempts: number;
  /** Engine calls in a row that failed. */
  failures: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** When a person hid the finished task from the gallery (undone by unhiding); support still lists it. */
  hiddenAt: number | null;
  /** The failed task this one tries again ("Retry failed" on a batch); each task is retried at most once. */
  retryOf: string | null;
}

/** What a request decides about a task; the rest of its record starts empty and is the tracker's to fill. */
export const NEW_TASK_FIELDS = [
  'id',
  'engine',
  'model',
  'modelId',
  'mode',
  'prompt',
  'image',
  'duration',
  'resolution',
  'priceCredits',
  'callbackUrl',
  'batchId',
  'idempotencyKey',
  'createdAt',
] as const satisfies readonly (keyof TaskRecord)[];

export type NewTask = Pick<TaskRecord, (typeof NEW_TASK_FIELDS)[number]> &
  Partial<Pick<TaskRecord, 'imageName' | 'retryOf'>>;

export interface CreateTaskOptions {
  /** Refuse when the simulated balance, less what unfinished tasks will cost, cannot pay for this one. */
  checkCredits: boolean;
}

export class InsufficientCreditsError extends Error {
  constructor(
    readonly available: number,
    readonly needed: number,
  ) {
    super(`Not enough credits: ${needed} needed, ${available} available.`);
    this.name = 'InsufficientCreditsError';
  }
}

export interface TaskListFilter {
  statuses?: readonly TaskStatus[];
  modelId?: string;
  mode?: Mode;
  /** Matches the prompt (substring), or a task id or upstream id exactly. */
  q?: string;
  fromMs?: number;
  toMs?: number;
  batchId?: string;
  ids?: readonly string[];
  /** False: leave out the tasks a person hid from the gallery. Unset: every task. */
  hidden?: boolean;
  /** Only tasks that ended with one of these error codes. */
  errorCodes?: readonly string[];
  /** Newest first: items strictly older than this (created_at, id) pair. */
  before?: { createdAt: number; id: string };
  limit: number;
}

/** What the counts per status are taken over: the list's filter less its status, cursor and limit. */
export type TaskCountFilter = Omit<TaskListFilter, 'statuses' | 'before' | 'limit'>;

/** A change to an unfinished task; refused (false) once the task is final. */
export interface TaskPatch {
  status?: 'queued' | 'running';
  progress?: number;
  upstreamTaskId?: string;
  /** Null again once a submit provably never reached the engine: nothing there to wonder about. */
  submitStartedAt?: number | null;
  submittedAt?: number;
  nextPollAt?: number;
  attempts?: number;
  failures?: number;
}

export type TaskOutcome =
  | { status: 'succeeded'; result: TaskResultRecord }
  | { status: 'failed' | 'canceled'; error: { code: string; message: string } };

export interface TasksStore {
  /** Inserts a task and, in the same transaction, binds its idempotency key; throws InsufficientCreditsError. */
  create(task: NewTask, options: CreateTaskOptions): Promise<TaskRecord>;
  /**
   * Inserts a batch's tasks in one transaction — all or none. The credit check is for their total;
   * their idempotency key (the same on each) is bound to the first, which a retry reads the batch from.
   */
  createMany(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]>;
  get(id: string): Promise<TaskRecord | null>;
  getByUpstreamId(upstreamTaskId: string): Promise<TaskRecord | null>;
  /**
   * The row's version, which the database moves on every update of the task (a trigger, so no
   * write path can forget it); null once there is no such task. Read it before the task to keep
   * the pair safe: a write in between makes the version older than the task, never newer.
   */
  version(id: string): Promise<number | null>;
  list(filter: TaskListFilter): Promise<TaskRecord[]>;
  /**
   * Tasks per status for the same filter without its status, cursor and limit: exact from the
   * tally, or up to a cap for a search or a time range (see task-counts.ts).
   */
  countByStatus(filter: TaskCountFilter): Promise<StatusCounts>;
  unfinishedIds(): Promise<string[]>;
  /** Applies `patch` (and adds `event`) to an unfinished task; with `lease`, only while it is held under it. */
  update(id: string, patch: TaskPatch, event?: NewTaskEvent, lease?: Lease): Promise<boolean>;
  /**
   * Ends a task once: status, result or error, the charge on success (at most once per task),
   * the event and the callback outbox entry, all in one transaction, and its lease is let go.
   * False when it had already ended, or when `lease` is given and no longer held.
   */
  finish(id: string, outcome: TaskOutcome, event: NewTaskEvent, at: number, lease?: Lease): Promise<boolean>;
  /**
   * Hides (`at`) or shows again (null) a finished task in the gallery; nothing else about it
   * changes (its ledger entries, history and media stay). False when the task is missing or unfinished.
   */
  setHidden(id: string, at: number | null): Promise<boolean>;
  /**
   * Inserts the retries of failed tasks (each with `retryOf` set) in one transaction, and hides
   * the tasks they retry from the gallery. A task already retried is skipped, also when two
   * requests race (a unique index on retry_of): answers only the tasks this call made.
   */
  createRetries(tasks: readonly NewTask[], options: CreateTaskOptions): Promise<TaskRecord[]>;
}
