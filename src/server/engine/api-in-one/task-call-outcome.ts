/**
 * What one submit or poll attempt amounts to: a task state, or an `UpstreamError` with a
 * message a person can act on, whether the same call may work later, and how far it got.
 */
import type { EngineState } from '@/server/engine/engine';
import { redactText, rawForSupport } from '@/server/net/redact-secrets';
import { parseRetryAfter, RETRY_STATUSES } from '@/server/net/retry-policy';
import type { FetchFailure } from '@/server/net/timed-fetch';
import { readApiLevelError, readWrapperMessage } from './task-answer/read-api-error';
import { readUpstreamTask } from './task-answer/read-upstream-task';
import { UpstreamError, type UpstreamErrorInit } from './upstream-error';

export interface TaskCall {
  operation: 'create' | 'get';
  requestedId?: string;
  secrets: readonly string[];
}

export interface TaskAnswer {
  status: number;
  headers: Headers;
  text: string;
  truncated: boolean;
  now: number;
}

function failure(call: TaskCall, init: UpstreamErrorInit): UpstreamError {
  return new UpstreamError({ ...init, message: redactText(init.message, call.secrets) });
}

/** The error of a call that got no answer. */
export function fetchFailureOf(failed: FetchFailure, call: TaskCall): UpstreamError {
  const { reached, detail } = failed;
  if (failed.fault === 'timeout') {
    return failure(call, {
      code: 'upstream_timeout',
      message: `API in One did not answer within ${detail}`,
      transient: true,
      reached,
    });
  }
  if (failed.fault === 'connection') {
    const message =
      reached === 'not sent'
        ? `Could not reach API in One (${detail})`
        : `The connection to API in One broke (${detail})`;
    return failure(call, { code: 'upstream_error', message, transient: true, reached });
  }
  return failure(call, {
    code: 'upstream_error',
    message: `Could not call API in One: ${detail}`,
    transient: false,
    reached,
  });
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

/** The task state an answer carries; throws the UpstreamError it amounts to when it carries none. */
export function taskStateOf(answer: TaskAnswer, call: TaskCall): EngineState {
  const { status } = answer;
  const json = answer.truncated ? undefined : parseJson(answer.text);
  const raw = rawForSupport(json === undefined ? answer.text : json, call.secrets);
  const base = { httpStatus: status, raw, reached: 'answered' } as const;

  if (status >= 200 && status < 300) {
    if (json === undefined) {
      throw failure(call, {
        ...base,
        code: 'upstream_unreadable',
        message: `API in One answered in a way this server does not understand: ${describeNonJson(answer)}.`,
        transient: false,
      });
    }
    return readUpstreamTask(json, { ...call, httpStatus: status });
  }
  if (RETRY_STATUSES.has(status)) {
    const what = status === 429 ? 'is limiting how fast we may call it' : 'is unavailable right now';
    throw failure(call, {
      ...base,
      code: 'upstream_error',
      message: `API in One ${what} (HTTP ${status})`,
      transient: true,
      retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), answer.now),
    });
  }
  const unauthorized = status === 401 || status === 403 || (json !== undefined && isKeyRefusal(json));
  if (unauthorized) {
    throw failure(call, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One refused the API key (HTTP ${status}). Check APIINONE_API_KEY on the server.`,
      transient: false,
    });
  }
  const reason = upstreamReason(json);
  const because = reason ? `: ${reason}` : '';
  if (status === 404 && call.operation === 'get') {
    throw failure(call, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One does not know task ${call.requestedId ?? ''} (HTTP 404)${because}`,
      transient: false,
    });
  }
  if (status >= 400 && status < 500) {
    throw failure(call, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One refused the request (HTTP ${status})${because}`,
      transient: false,
    });
  }
  if (status >= 300 && status < 400) {
    throw failure(call, {
      ...base,
      code: 'upstream_error',
      message: `API in One answered with a redirect (HTTP ${status}); set APIINONE_BASE_URL to the address it redirects to`,
      transient: false,
    });
  }
  // A 500 may pass by a later poll, but is not repeated at once (see sendAgainNow).
  throw failure(call, {
    ...base,
    code: 'upstream_error',
    message: `API in One failed (HTTP ${status})${because}`,
    transient: true,
  });
}

function isKeyRefusal(json: unknown): boolean {
  return json !== null && typeof json === 'object' && readApiLevelError(json, false)?.unauthorized === true;
}
