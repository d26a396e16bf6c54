/**
 * Recognizes an error wrapped in an HTTP 200 answer: `{code: 1002, msg}`, kie's
 * `{code: 402, msg: "Insufficient credits"}`, `{success: false, error: {...}}`, MiniMax's
 * `{base_resp: {status_code: 1004, status_msg}}`. Such an answer must never be read as a task.
 */
import { readPath } from './read-path';
import { asErrorText } from './upstream-values';

/**
 * What a refusal means for the person reading it, and for a retry:
 * `key_refused` (the admin checks APIINONE_API_KEY), `no_credits` (top up at API in One),
 * `try_later` (rate limit or maintenance: the upstream did not take the request),
 * `engine_fault` (the upstream failed on its side), `refused` (this request, as sent).
 */
export type ApiErrorKind = 'key_refused' | 'no_credits' | 'try_later' | 'engine_fault' | 'refused';

export interface ApiLevelError {
  code: string | number | null;
  message: string | null;
  kind: ApiErrorKind;
}

/* MiniMax `base_resp` codes: rate limits (1002, 1039), its own faults (unknown, timeout, internal), the key, the balance. */
const MINIMAX_KINDS = new Map<number, ApiErrorKind>([
  [1000, 'engine_fault'],
  [1001, 'engine_fault'],
  [1002, 'try_later'],
  [1004, 'key_refused'],
  [1008, 'no_credits'],
  [1013, 'engine_fault'],
  [1039, 'try_later'],
]);

/*
 * HTTP-like codes, as kie documents them inside its 200 answers: 401 key, 402 credits, 433 the
 * key's usage limit, 429 rate limit, 455 maintenance, 501 generation failed, 505 feature off.
 */
const HTTP_LIKE_KINDS = new Map<number, ApiErrorKind>([
  [401, 'key_refused'],
  [403, 'key_refused'],
  [402, 'no_credits'],
  [433, 'no_credits'],
  [429, 'try_later'],
  [455, 'try_later'],
  [503, 'try_later'],
  [501, 'refused'],
  [505, 'refused'],
]);

/** Whether a kind of failure may pass by itself (the same call may work later). */
export function isPassing(kind: ApiErrorKind): boolean {
  return kind === 'try_later' || kind === 'engine_fault';
}

function numericCode(code: unknown): number | null {
  if (typeof code === 'number' && Number.isFinite(code)) return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code.trim())) return Number(code);
  return null;
}

/* `0` and 2xx are how wrappers say "fine"; some spell it out. */
function isSuccessCode(code: unknown): boolean {
  const number = numericCode(code);
  if (number !== null) return number === 0 || (number >= 200 && number < 300);
  return typeof code === 'string' && ['success', 'ok', 'succeeded'].includes(code.trim().toLowerCase());
}

/** The reason a wrapper gives for failing, wherever it put it. */
export function readWrapperMessage(body: object): string | null {
  for (const path of ['msg', 'message', 'error', 'errors', 'base_resp.status_msg', 'data.message', 'data.msg']) {
    const text = asErrorText(readPath(body, path));
    if (text) return text;
  }
  return null;
}

/** The kind of an HTTP status or an HTTP-like code in a body. */
export function kindOfHttpLikeCode(number: number): ApiErrorKind {
  return HTTP_LIKE_KINDS.get(number) ?? (number >= 500 && number < 600 ? 'engine_fault' : 'refused');
}

function kindOfCode(code: string | number | null): ApiErrorKind {
  const number = numericCode(code);
  if (number !== null) return kindOfHttpLikeCode(number);
  if (typeof code !== 'string') return 'refused';
  if (/unauthori|forbidden|api.?key|auth/i.test(code)) return 'key_refused';
  if (/credit|balance|quota/i.test(code)) return 'no_credits';
  return 'refused';
}

function codeAt(body: object, path: string): string | number | null {
  const code = readPath(body, path);
  return typeof code === 'string' || typeof code === 'number' ? code : null;
}

function apiError(code: string | number | null, message: string | null): ApiLevelError {
  return { code, message, kind: kindOfCode(code) };
}

/**
 * The error an answer carries at the API level, or `null` when it does not say it failed.
 * A bare `error` field only counts when the answer has no task status: beside a status it is
 * the failed task's reason, which the task reader reports.
 */
export function readApiLevelError(body: object, hasTaskStatus: boolean): ApiLevelError | null {
  const message = readWrapperMessage(body);
  const baseCode = numericCode(readPath(body, 'base_resp.status_code'));
  if (baseCode !== null && baseCode !== 0) {
    return { code: baseCode, message, kind: MINIMAX_KINDS.get(baseCode) ?? 'refused' };
  }
  const code = codeAt(body, 'code');
  if (code !== null && !isSuccessCode(code)) return apiError(code, message);
  if (readPath(body, 'success') === false || readPath(body, 'ok') === false) {
    return apiError(codeAt(body, 'error.code'), message);
  }
  const errors = readPath(body, 'errors');
  if (Array.isArray(errors) && errors.length > 0) return apiError(codeAt(body, 'errors[0].code'), message);
  if (!hasTaskStatus && asErrorText(readPath(body, 'error')) !== null) {
    return apiError(codeAt(body, 'error.code') ?? codeAt(body, 'error.type'), message);
  }
  return null;
}
