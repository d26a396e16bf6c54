/**
 * One interface for whatever makes the videos: the local preview engine or API in One.
 * The tracker drives every task through it; routes never call an engine directly.
 */
import type { UpstreamCallOptions, UpstreamTaskState } from './api-in-one/types';
import type { EngineName, TaskRecord } from '@/server/store/tasks-store';

/** An engine's reading of a task: the upstream's shape, already mapped to our statuses. */
export type EngineState = UpstreamTaskState;

export type EngineTask = Pick<
  TaskRecord,
  'id' | 'model' | 'prompt' | 'image' | 'duration' | 'resolution' | 'upstreamTaskId' | 'submittedAt'
>;

export interface Engine {
  readonly name: EngineName;
  /** True for the local preview engine: credits are simulated and nothing leaves the machine. */
  readonly simulated: boolean;
  /** Roughly how long a task takes, for the ETA shown before progress says more. */
  readonly typicalDurationMs: number;
  /** Starts the job. `idempotencyKey` is the same on every retry, so a repeat cannot start a second job. */
  submit(task: EngineTask, options: UpstreamCallOptions & { idempotencyKey: string }): Promise<EngineState>;
  poll(task: EngineTask & { upstreamTaskId: string }, options?: UpstreamCallOptions): Promise<EngineState>;
  /** Copies a result (video or poster URL from a state) to a local file. */
  download(
    url: string,
    filePath: string,
    options?: UpstreamCallOptions & { maxBytes?: number },
  ): Promise<{ bytes: number; contentType: string | null }>;
  /** How long to wait before poll number `polls` (0-based) of a task that is still going. */
  pollDelayMs(polls: number): number;
  /** Frees whatever the engine holds for a task that has ended (finished, failed or abandoned). */
  release(task: EngineTask): void;
  /** Stops work in progress on shutdown. */
  close(): Promise<void>;
}
