/** What the API in One client gives the rest of the server: one shape, whatever the upstream answered. */
import type { Duration, Resolution } from '@/shared/pricing';
import type { TaskStatus } from '@/shared/status';

export interface UpstreamCreateBody {
  model: string;
  prompt: string;
  image: string;
  duration: Duration;
  resolution: Resolution;
  callback_url?: string;
}

/** One reading of an upstream task, already mapped to our vocabulary. */
export interface UpstreamTaskState {
  upstreamTaskId: string;
  status: TaskStatus;
  /** 0–100 when the upstream says, else null. */
  progress: number | null;
  videoUrl: string | null;
  posterUrl: string | null;
  error: { code: string; message: string } | null;
  /** The parsed answer with every secret removed, kept for support. */
  raw: unknown;
  httpStatus: number;
}

export type UpstreamErrorCode = 'upstream_error' | 'upstream_unreadable' | 'upstream_timeout' | 'upstream_rejected';

export interface UpstreamCallOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` so that a retried submit cannot create a second upstream job. */
  idempotencyKey?: string;
}

export interface UpstreamClient {
  createTask(body: UpstreamCreateBody, options?: UpstreamCallOptions): Promise<UpstreamTaskState>;
  getTask(upstreamTaskId: string, options?: UpstreamCallOptions): Promise<UpstreamTaskState>;
  /** Streams a result (video or poster) to a file, refusing more than `maxBytes`. */
  downloadToFile(
    url: string,
    filePath: string,
    options?: UpstreamCallOptions & { maxBytes?: number },
  ): Promise<{ bytes: number; contentType: string | null }>;
}
