/**
 * What one submit or poll attempt amounts to: a task state, or an `UpstreamError` with a
 * message a person can act on, whether the same call may work later, and how far it got.
 */
import type { EngineState } from '@/server/engine/engine';
import { redactText, rawForSupport } from '@/server/net/redact-secrets';
import { parseRetryAfter } from '@/server/net/retry-policy';
import type { FetchFailure } from '@/server/net/timed-fetch';
import { isPassing, kindOfHttpLikeCode, readApiLevelError, readWrapperMessage } from './task-answer/read-api-error';
import { refusalWords } from './task-answer/refusal-words';
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
  const reason = upstreamReason(json);
  if (status === 404 && call.operation === 'get') {
    throw failure(call, {
      ...base,
      code: 'upstream_rejected',
      message: `API in One does not know task ${call.requestedId ?? ''} (HTTP 404)${reason ? `: ${reason}` : ''}`,
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
  // A key refusal may come as any 4xx with a code that says so inside.
  const kind = json !== undefined && isKeyRefusal(json) ? 'key_refused' : kindOfHttpLikeCode(status);
  const words = refusalWords(kind, `HTTP ${status}`, kind === 'key_refused' ? null : reason);
  const passing = isPassing(kind);
  throw failure(call, {
    ...base,
    // A 500 may pass by a later poll, but is not repeated at once (see sendAgainNow).
    code: passing ? 'upstream_error' : 'upstream_rejected',
    message: words.message,
    taskCode: words.taskCode,
    transient: passing,
    declined: kind === 'try_later',
    retryAfterMs: passing ? parseRetryAfter(answer.headers.get('retry-after'), answer.now) : null,
  });
}

function isKeyRefusal(json: unknown): boolean {
  return json !== null && typeof json === 'object' && readApiLevelError(json, false)?.kind === 'key_refused';
}
