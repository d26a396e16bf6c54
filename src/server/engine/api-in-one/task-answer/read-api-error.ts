/**
 * Recognizes an error wrapped in an HTTP 200 answer: `{code: 1002, msg}`,
 * `{success: false, error: {...}}`, MiniMax's `{base_resp: {status_code: 1004, status_msg}}`.
 * Such an answer must never be read as a task.
 */
import { readPath } from './read-path';
import { asErrorText } from './upstream-values';

export interface ApiLevelError {
  code: string | number | null;
  message: string | null;
  /** The code says "later": a rate limit or a server-side fault. */
  transient: boolean;
  /** The code says the key was refused. */
  unauthorized: boolean;
}

/* MiniMax `base_resp` codes that clear up by themselves: unknown error, timeout, rate limits, internal error. */
const MINIMAX_TRANSIENT = new Set([1000, 1001, 1002, 1013, 1039]);
const MINIMAX_AUTH = new Set([1004]);

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

function fromHttpLikeCode(code: string | number | null, message: string | null): ApiLevelError {
  const number = numericCode(code);
  return {
    code,
    message,
    transient: number !== null && (number === 429 || (number >= 500 && number < 600)),
    unauthorized:
      number === 401 || number === 403 || (typeof code === 'string' && /unauthori|forbidden|api.?key|auth/i.test(code)),
  };
}

function codeAt(body: object, path: string): string | number | null {
  const code = readPath(body, path);
  return typeof code === 'string' || typeof code === 'number' ? code : null;
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
    return {
      code: baseCode,
      message,
      transient: MINIMAX_TRANSIENT.has(baseCode),
      unauthorized: MINIMAX_AUTH.has(baseCode),
    };
  }
  const code = codeAt(body, 'code');
  if (code !== null && !isSuccessCode(code)) return fromHttpLikeCode(code, message);
  if (readPath(body, 'success') === false || readPath(body, 'ok') === false) {
    return fromHttpLikeCode(codeAt(body, 'error.code'), message);
  }
  const errors = readPath(body, 'errors');
  if (Array.isArray(errors) && errors.length > 0) return fromHttpLikeCode(codeAt(body, 'errors[0].code'), message);
  if (!hasTaskStatus && asErrorText(readPath(body, 'error')) !== null) {
    return fromHttpLikeCode(codeAt(body, 'error.code') ?? codeAt(body, 'error.type'), message);
  }
  return null;
}
