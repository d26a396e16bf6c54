/** The real engine: API in One through its client. The client owns HTTP, retries and tolerant reading. */
import {
  EngineError,
  type Engine,
  type EngineCallOptions,
  type EngineState,
  type EngineTask,
  type PreparedImage,
} from '@/server/engine/engine';
import type { ImageHandoff } from '@/server/images/hand-off-image';
import { ImageRefusal } from '@/server/images/image-refusal';
import type { ApiInOneClient } from './api-in-one-client';

export interface ApiInOneEngineOptions {
  /** Our webhook for API in One to call when a task ends; null when this server is not publicly reachable. */
  webhookUrl: string | null;
  /** Puts each reference image on our storage as a JPEG API in One accepts. */
  images: ImageHandoff;
  /** How long a "done" without a readable link is polled again (APIINONE_RESULT_GRACE_MS). */
  resultGraceMs: number;
}

/* Generation takes one to two minutes: poll soon for a fast failure, then settle at every 15–30 s. */
const POLL_DELAYS_MS = [3000, 5000, 5000, 8000, 10_000, 15_000];
const MAX_POLL_DELAY_MS = 30_000;

/** The wait before poll number `polls` (0-based) before its jitter: on average what a task waits. */
export function scheduledPollDelayMs(polls: number): number {
  return POLL_DELAYS_MS[polls] ?? Math.min(MAX_POLL_DELAY_MS, 15_000 * 1.25 ** (polls - POLL_DELAYS_MS.length + 1));
}

export class ApiInOneEngine implements Engine {
  readonly name = 'apiinone' as const;
  readonly simulated = false;
  readonly typicalDurationMs = 90_000;
  /* API in One documents no idempotency: a submit that may have reached it is never sent again. */
  readonly submitsAreIdempotent = false;
  readonly resultGraceMs: number;

  constructor(
    private readonly client: ApiInOneClient,
    private readonly options: ApiInOneEngineOptions,
  ) {
    this.resultGraceMs = options.resultGraceMs;
  }

  async prepareImage(task: EngineTask): Promise<PreparedImage> {
    try {
      const handed = await this.options.images.prepare(task.image);
      return { url: handed.url, description: `The reference image goes to API in One ${handed.description}` };
    } catch (error) {
      if (!(error instanceof ImageRefusal) || (error.code !== 'image_unreachable' && error.code !== 'image_invalid')) {
        throw error;
      }
      throw new EngineError({ code: error.code, message: error.message, transient: false });
    }
  }

  submit(task: EngineTask, options: EngineCallOptions & { idempotencyKey: string }): Promise<EngineState> {
    return this.client.createTask(
      {
        model: task.model,
        prompt: task.prompt,
        image: task.image,
        duration: task.duration,
        resolution: task.resolution,
        ...(this.options.webhookUrl && { callback_url: this.options.webhookUrl }),
      },
      options,
    );
  }

  poll(task: EngineTask & { upstreamTaskId: string }, options?: EngineCallOptions): Promise<EngineState> {
    return this.client.getTask(task.upstreamTaskId, options);
  }

  download(url: string, filePath: string, options?: EngineCallOptions & { maxBytes?: number }) {
    return this.client.downloadToFile(url, filePath, options);
  }

  pollDelayMs(polls: number): number {
    // ±20% so tasks submitted together do not poll in lockstep.
    return Math.round(scheduledPollDelayMs(polls) * (0.8 + Math.random() * 0.4));
  }

  release(): void {}

  async close(): Promise<void> {}
}
