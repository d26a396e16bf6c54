/**
 * The one error the API in One client throws: an EngineError (what the tracker reads) that also
 * says how far the request got, from which the client's retry loop decides to send it again now.
 */
import { EngineError, type EngineErrorInit } from '@/server/engine/engine';
import type { Reached } from '@/server/net/fetch-failure';
import { RETRY_STATUSES } from '@/server/net/retry-policy';

export interface UpstreamErrorInit extends EngineErrorInit {
  /** How far the request got: `answered` for every error read from an answer. */
  reached: Reached;
  /** How many requests the client made before giving up. */
  attempts?: number;
}

export class UpstreamError extends EngineError {
  readonly reached: Reached;
  readonly attempts: number;

  constructor(init: UpstreamErrorInit) {
    super(init);
    this.name = 'UpstreamError';
    this.reached = init.reached;
    this.attempts = init.attempts ?? 1;
  }
}

/**
 * Whether to send the same request again at once (after a short jittered wait). Only when the
 * failure may pass, and sending again cannot do the work twice: nothing was sent, or the call
 * is safe to repeat. An answer counts as passing when the upstream asked for a repeat (429, a
 * gateway fault, a "try later" code inside a 2xx) or said nothing (timeout, broken
 * connection); a plain 500 is often the same bug again, so it is left to the tracker's next try.
 */
export function sendAgainNow(error: UpstreamError, safeToRepeat: boolean): boolean {
  if (!error.transient) return false;
  if (error.reached === 'not sent') return true;
  const status = error.httpStatus;
  const passing = status === null || (status >= 200 && status < 300) || RETRY_STATUSES.has(status);
  return safeToRepeat && passing;
}

/* The final error says how hard we tried, so nobody has to guess whether it was a blip. */
export function withAttempts(error: UpstreamError, attempts: number): UpstreamError {
  if (attempts === 1) return error;
  return new UpstreamError({
    code: error.code,
    message: `${error.message} (gave up after ${attempts} attempts)`,
    transient: error.transient,
    reached: error.reached,
    httpStatus: error.httpStatus,
    raw: error.raw,
    retryAfterMs: error.retryAfterMs,
    attempts,
  });
}
