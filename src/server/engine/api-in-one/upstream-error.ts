/** The one error the API in One client throws: a code the server maps, and what support needs to see. */
import type { UpstreamErrorCode } from './types';

export interface UpstreamErrorInit {
  code: UpstreamErrorCode;
  message: string;
  /** Whether the same call might succeed if made again later (rate limits, outages, timeouts). */
  retryable: boolean;
  httpStatus?: number | null;
  /** The upstream's answer, already redacted and size-capped, for support. */
  raw?: unknown;
  /** When the upstream said how long to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | null;
  /** How many requests the client made before giving up. */
  attempts?: number;
}

export class UpstreamError extends Error {
  readonly code: UpstreamErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  readonly raw: unknown;
  readonly retryAfterMs: number | null;
  readonly attempts: number;

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.name = 'UpstreamError';
    this.code = init.code;
    this.retryable = init.retryable;
    this.httpStatus = init.httpStatus ?? null;
    this.raw = init.raw ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.attempts = init.attempts ?? 1;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
