/**
 * The one error the API in One client throws: an EngineError (what the tracker reads) that also
 * says how far the request got, from which the client decides to send it again now — and, for
 * a submit, whether API in One may have made the video anyway.
 */
import { EngineError, type EngineErrorInit } from '@/server/engine/engine';
import type { Reached } from '@/server/net/fetch-failure';
import { RETRY_STATUSES } from '@/server/net/retry-policy';

export interface UpstreamErrorInit extends EngineErrorInit {
  /** How far the request got: `answered` for every error read from an answer. */
  reached: Reached;
  /**
   * The upstream answered that it did not take the request (a 429, a 503, a "try later" code
   * inside a 200): it did nothing, so sending it again cannot do anything twice.
   */
  declined?: boolean;
  /** How many requests the client made before giving up. */
  attempts?: number;
}

export class UpstreamError extends EngineError {
  readonly reached: Reached;
  readonly declined: boolean;
  readonly attempts: number;

  constructor(init: UpstreamErrorInit) {
    super(init);
    this.name = 'UpstreamError';
    this.reached = init.reached;
    this.declined = init.declined ?? false;
    this.attempts = init.attempts ?? 1;
  }

  /** The same error with some facts changed (the message, the attempts, what it means for a submit). */
  with(changes: Partial<UpstreamErrorInit>): UpstreamError {
    return new UpstreamError({
      code: this.code,
      message: this.message,
      transient: this.transient,
      reached: this.reached,
      declined: this.declined,
      httpStatus: this.httpStatus,
      raw: this.raw,
      retryAfterMs: this.retryAfterMs,
      mayHaveStarted: this.mayHaveStarted,
      engineSaysDone: this.engineSaysDone,
      taskCode: this.taskCode,
      attempts: this.attempts,
      ...changes,
    });
  }
}

/* A gateway that timed out or got no valid answer from behind it: the request may have been acted on. */
const GATEWAY_GAVE_UP = new Set([502, 504]);

/**
 * Whether to send the same request again at once (after a short jittered wait). Only when the
 * failure may pass, and sending again cannot do the work twice: nothing was sent, the upstream
 * declined it, or the call is safe to repeat (a poll, a download) and the upstream said nothing
 * usable (timeout, broken connection, a 429 or gateway fault); a plain 500 is often the same bug
 * again, so it is left to the tracker's next try.
 */
export function sendAgainNow(error: UpstreamError, safeToRepeat: boolean): boolean {
  if (!error.transient) return false;
  if (error.reached === 'not sent' || error.declined) return true;
  const status = error.httpStatus;
  const passing = status === null || (status >= 200 && status < 300) || RETRY_STATUSES.has(status);
  return safeToRepeat && passing;
}

/**
 * What a failed submit means. API in One documents no idempotency, so a submit is sent again
 * only when it provably did nothing (`not processed`: never sent, or declined). One that was
 * sent and got no usable answer (a timeout, a cut connection, a gateway that gave up, an accepted
 * answer we cannot read) may have made a billed video: `unknown`, never resent. Any other answer
 * is a refusal or a failure the upstream told us about: `refused`, nothing made.
 */
export function submitFate(error: UpstreamError): 'not processed' | 'unknown' | 'refused' {
  if (error.reached === 'not sent' || error.declined) return 'not processed';
  if (error.reached === 'maybe' || error.httpStatus === null) return 'unknown';
  const status = error.httpStatus;
  if (GATEWAY_GAVE_UP.has(status)) return 'unknown';
  if (status >= 200 && status < 300 && error.code === 'upstream_unreadable') return 'unknown';
  return 'refused';
}

/** A submit's error as the tracker must read it: repeatable only when nothing was done, flagged when a video may exist. */
export function asSubmitError(error: UpstreamError): UpstreamError {
  const fate = submitFate(error);
  return error.with({ transient: fate === 'not processed', mayHaveStarted: fate === 'unknown' });
}

/* The final error says how hard we tried, so nobody has to guess whether it was a blip. */
export function withAttempts(error: UpstreamError, attempts: number): UpstreamError {
  if (attempts === 1) return error;
  return error.with({ message: `${error.message} (gave up after ${attempts} attempts)`, attempts });
}
