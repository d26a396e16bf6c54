/**
 * One interface for whatever makes the videos: the local preview engine or API in One.
 * The tracker drives every task through it; routes never call an engine directly. This file is
 * the whole contract: what a task is to an engine, what an engine answers, how it fails.
 */
import type { TaskStatus } from '@/shared/status';
import type { EngineName, TaskRecord } from '@/server/store/tasks-store';

/** An engine's reading of a task, in our vocabulary whatever shape the engine answered in. */
export interface EngineState {
  upstreamTaskId: string;
  status: TaskStatus;
  /** 0–100 when the engine says, else null. */
  progress: number | null;
  videoUrl: string | null;
  posterUrl: string | null;
  error: { code: string; message: string } | null;
  /** The engine's answer with every secret removed, kept for support. */
  raw: unknown;
  httpStatus: number;
}

export type EngineTask = Pick<
  TaskRecord,
  'id' | 'model' | 'prompt' | 'image' | 'duration' | 'resolution' | 'upstreamTaskId' | 'submittedAt'
>;

export interface EngineCallOptions {
  /** Aborted on shutdown: the call ends at once and the task is picked up on the next start. */
  signal?: AbortSignal;
}

export type EngineErrorCode =
  | 'upstream_error'
  | 'upstream_unreadable'
  | 'upstream_timeout'
  | 'upstream_rejected'
  | 'image_unreachable'
  | 'image_invalid';

export interface EngineErrorInit {
  code: EngineErrorCode;
  message: string;
  /** Whether the same call may work later (rate limits, outages, timeouts): the tracker keeps trying. */
  transient: boolean;
  httpStatus?: number | null;
  /** The engine's answer, already redacted and size-capped, for support. */
  raw?: unknown;
  /** When the engine said how long to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | null;
  /**
   * A submit that may have reached the engine although no usable answer came back (a timeout,
   * a cut connection, a gateway timeout, an accepted request we cannot read): the job may exist,
   * and be billed. Never true for a call that provably did nothing.
   */
  mayHaveStarted?: boolean;
  /** The engine reports the task done (and may bill it), but its answer holds no result we can read. */
  engineSaysDone?: boolean;
  /** The error code a task ends with when this failure ends it; by default the code (a refusal is `upstream_error`). */
  taskCode?: string;
}

/** A failed engine call, told in what the tracker needs to decide: give up, or try again and when. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly transient: boolean;
  readonly httpStatus: number | null;
  readonly raw: unknown;
  readonly retryAfterMs: number | null;
  readonly mayHaveStarted: boolean;
  readonly engineSaysDone: boolean;
  readonly taskCode: string;

  constructor(init: EngineErrorInit) {
    super(init.message);
    this.name = 'EngineError';
    this.code = init.code;
    this.transient = init.transient;
    this.httpStatus = init.httpStatus ?? null;
    this.raw = init.raw ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.mayHaveStarted = init.mayHaveStarted ?? false;
    this.engineSaysDone = init.engineSaysDone ?? false;
    this.taskCode = init.taskCode ?? (init.code === 'upstream_rejected' ? 'upstream_error' : init.code);
  }
}

/** The reference image as the engine will fetch it, and a line for the task's timeline. */
export interface PreparedImage {
  url: string;
  description: string;
}

/**
 * A call that fails for a reason the engine can name throws an EngineError; anything else is
 * taken as a fault on our side (the task is tried again with backoff, never given up for it) —
 * except that a submit which threw so may have reached a non-idempotent engine, and is then
 * not sent again.
 */
export interface Engine {
  readonly name: EngineName;
  /** True for the local preview engine: credits are simulated and nothing leaves the machine. */
  readonly simulated: boolean;
  /** Roughly how long a task takes, for the ETA shown before progress says more. */
  readonly typicalDurationMs: number;
  /**
   * True when submitting the same task again finds the job the first submit made (the local
   * engine keys jobs by task id). When false, a submit that may have reached the engine is never
   * sent again, by the client or by the tracker: a repeat could be a second, billed video.
   */
  readonly submitsAreIdempotent: boolean;
  /**
   * How long a task the engine reports done, but without a result we can read, is still polled
   * (a relay may fill the link in late) before it is ended for a person to look at.
   */
  readonly resultGraceMs: number;
  /**
   * Makes the task's reference image ready for the engine (API in One fetches it from a URL, so
   * it gets a JPEG on our own storage); the submit then sends the prepared URL. An image that
   * cannot be used throws an EngineError (`image_unreachable`, `image_invalid`). Engines that read
   * the image as given leave this out.
   */
  prepareImage?(task: EngineTask, options: EngineCallOptions): Promise<PreparedImage>;
  /** Starts the job. `idempotencyKey` is the same on every retry; only `submitsAreIdempotent` says whether the engine honours it. */
  submit(task: EngineTask, options: EngineCallOptions & { idempotencyKey: string }): Promise<EngineState>;
  poll(task: EngineTask & { upstreamTaskId: string }, options?: EngineCallOptions): Promise<EngineState>;
  /** Copies a result (video or poster URL from a state) to a local file. */
  download(
    url: string,
    filePath: string,
    options?: EngineCallOptions & { maxBytes?: number },
  ): Promise<{ bytes: number; contentType: string | null }>;
  /** How long to wait before poll number `polls` (0-based) of a task that is still going. */
  pollDelayMs(polls: number): number;
  /** Renders running and waiting on this server, for an engine that renders here (the local one). */
  renderQueue?(): { running: number; waiting: number };
  /** Frees whatever the engine holds for a task that has ended (finished, failed or abandoned). */
  release(task: EngineTask): void;
  /** Stops work in progress on shutdown. */
  close(): Promise<void>;
}
