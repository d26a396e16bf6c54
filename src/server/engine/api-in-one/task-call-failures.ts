/**
 * What one submit or poll attempt amounts to: a task state, or an `UpstreamError` with a
 * message a person can act on and the decision whether to send the request again.
 */
import { readApiLevelError, readWrapperMessage } from './task-answer/read-api-error';
import { readUpstreamTask } from './task-answer/read-upstream-task';
import { rawForSupport, redactText } from '@/server/net/redact-secrets';
import { parseRetryAfter, RETRY_STATUSES } from '@/server/net/retry-policy';
import type { TimedFetchFailure } from '@/server/net/timed-fetch';
import type { UpstreamTaskState } from './types';
import { UpstreamError, type UpstreamErrorInit } from './upstream-error';
import type { AttemptOutcome } from './with-retries';

export interface TaskCall {
  operation: 'create' | 'get';
  requestedId?: string;
  /**
   * Whether a request that may have reached the upstream can be sent again. A poll always
   * can; a submit only with an Idempotency-Key, or it could start (and bill) a second video.
   */
  resendable: boolean;
  secrets: readonly string[];
}

export interface TaskAnswer {
  status: number;
  headers: Headers;
  text: string;
  truncated: boolean;
  now: number;
}

type Outcome = AttemptOutcome<UpstreamTaskState>;

function failure(call: TaskCall, retry: boolean, init: UpstreamErrorInit): Outcome {
  return { ok: false, retry, error: new UpstreamError({ ...init, message: redactText(init.message, call.secrets) }) };
}

export function outcomeOfFailure(failed: TimedFetchFailure, call: TaskCall): Outcome {
  switch (failed.kind) {
    case 'timeout':
      return failure(call, call.resendable, {
        code: 'upstream_timeout',
        message: `API in One did not answer within ${failed.detail}`,
        retryable: true,
      });
    case 'not-sent':
      // Nothing reached the upstream, so even an unkeyed submit may be sent again.
      return failure(call, true, {
        code: 'upstream_error',
        message: `Could not reach API in One (${failed.detail})`,
        retryable: true,
      });
    case 'network':
      return failure(call, call.resendable, {
        code: 'upstream_error',
        message: `The connection to API in One broke (${failed.detail})`,
        retryable: true,
      });
    default:
      return failure(call, false, {
        code: 'upstream_error',
        message: `Could not call API in One: ${failed.detail}`,
        retryable: false,
      });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeNonJson(answer: TaskAnswer): string {
  if (answer.truncated) return 'the answer is too large to be a task';
  const text = answer.text.trim();
  if (text === '') return 'the answer is empty';
  if (text.startsWith('<')) return 'the answer is an HTML page, not JSON';
  return 'the answer is not valid JSON';
}

function upstreamReason(json: unknown): string | null {
  return json !== null && typeof json === 'object' ? readWrapperMessage(json) : null;
}

export function outcomeOfAnswer(answer: TaskAnswer, call: TaskCall): Outcome {
  const { status } = answer;
  const json = answer.truncated ? undefined : parseJson(answer.text);
  const raw = rawForSupport(json === undefined ? answer.text : json, call.secrets);
  const base = { httpStatus: status, raw };

  if (status >= 200 && status < 300) {
    if (json === undefined) {
      return failure(call, false, {
        ...base,
        code: 'upstream_unreadable',
        message: `API in One answered in a way this server does not understand: ${describeNonJson(answer)}.`,
        retryable: false,
      });
    }
    try {
      return { ok: true, value: readUpstreamTask(json, { ...call, httpStatus: status }) };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return { ok: false, error, retry: error.retryable && call.resendable };
    }
  }
  if (RETRY_STATUSES.has(status)) {
    const what = status === 429 ? 'is limiting how fast we may call it' : 'is unavailable right now';
    return failure(call, call.resendable, {
      ...base,
      code: 'upstream_error',
      message: `API in One ${what} (HTTP ${status})`,
      retryable: true,
      retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), answer.now),
    });
  }
  const unauthorized = status === 401 || status === 403 || (json !== undefined && isKeyRefusal(json));
  if (unauthorized) {
    return failure(call, false, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One refused the API key (HTTP ${status}). Check APIINONE_API_KEY on the server.`,
      retryable: false,
    });
  }
  const reason = upstreamReason(json);
  const because = reason ? `: ${reason}` : '';
  if (status === 404 && call.operation === 'get') {
    return failure(call, false, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One does not know task ${call.requestedId ?? ''} (HTTP 404)${because}`,
      retryable: false,
    });
  }
  if (status >= 400 && status < 500) {
    return failure(call, false, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One refused the request (HTTP ${status})${because}`,
      retryable: false,
    });
  }
  if (status >= 300 && status < 400) {
    return failure(call, false, {
      ...base,
      code: 'upstream_error',
      message: `API in One answered with a redirect (HTTP ${status}); set APIINONE_BASE_URL to the address it redirects to`,
      retryable: false,
    });
  }
  // A 500 is not repeated at once (it is often the same bug again), but a later poll may work.
  return failure(call, false, {
    ...base,
    code: 'upstream_error',
    message: `API in One failed (HTTP ${status})${because}`,
    retryable: true,
  });
}

function isKeyRefusal(json: unknown): boolean {
  return json !== null && typeof json === 'object' && readApiLevelError(json, false)?.unauthorized === true;
}
