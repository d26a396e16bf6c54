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

export type EngineErrorCode = 'upstream_error' | 'upstream_unreadable' | 'upstream_timeout' | 'upstream_rejected';

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
}

/** A failed engine call, told in what the tracker needs to decide: give up, or try again and when. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly transient: boolean;
  readonly httpStatus: number | null;
  readonly raw: unknown;
  readonly retryAfterMs: number | null;

  constructor(init: EngineErrorInit) {
    super(init.message);
    this.name = 'EngineError';
    this.code = init.code;
    this.transient = init.transient;
    this.httpStatus = init.httpStatus ?? null;
    this.raw = init.raw ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/**
 * A call that fails for a reason the engine can name throws an EngineError; anything else is
 * taken as a fault on our side (the task is tried again with backoff, never given up for it).
 */
export interface Engine {
  readonly name: EngineName;
  /** True for the local preview engine: credits are simulated and nothing leaves the machine. */
  readonly simulated: boolean;
  /** Roughly how long a task takes, for the ETA shown before progress says more. */
  readonly typicalDurationMs: number;
  /** Starts the job. `idempotencyKey` is the same on every retry, so a repeat cannot start a second job. */
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
  /** Frees whatever the engine holds for a task that has ended (finished, failed or abandoned). */
  release(task: EngineTask): void;
  /** Stops work in progress on shutdown. */
  close(): Promise<void>;
}
