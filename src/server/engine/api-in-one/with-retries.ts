/** Runs one upstream attempt after another until it works, must not be repeated, or retries run out. */
import { retryDelayMs } from '@/server/net/retry-policy';
import { UpstreamError } from './upstream-error';

export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: UpstreamError;
      /** Whether this call may be sent again now (decided by the attempt: it knows what was sent). */
      retry: boolean;
    };

export interface RetrySettings {
  maxRetries: number;
  retryBaseMs: number;
  maxRetryDelayMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>,
  settings: RetrySettings,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    const outcome = await attempt(attemptNumber);
    if (outcome.ok) return outcome.value;
    const retriesUsed = attemptNumber - 1;
    if (!outcome.retry || retriesUsed >= settings.maxRetries) throw withAttempts(outcome.error, attemptNumber);
    const delay = retryDelayMs({
      retry: retriesUsed,
      baseMs: settings.retryBaseMs,
      capMs: settings.maxRetryDelayMs,
      retryAfterMs: outcome.error.retryAfterMs,
      random: settings.random,
    });
    await settings.sleep(delay, settings.signal);
  }
}

/* The final error says how hard we tried, so nobody has to guess whether it was a blip. */
function withAttempts(error: UpstreamError, attempts: number): UpstreamError {
  if (attempts === 1) return error;
  return new UpstreamError({
    code: error.code,
    message: `${error.message} (gave up after ${attempts} attempts)`,
    retryable: error.retryable,
    httpStatus: error.httpStatus,
    raw: error.raw,
    retryAfterMs: error.retryAfterMs,
    attempts,
  });
}
