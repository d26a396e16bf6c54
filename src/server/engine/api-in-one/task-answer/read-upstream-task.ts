/**
 * Reads an upstream answer into one `EngineState`, whatever shape it came in, or throws
 * an `UpstreamError` that says what could not be understood (with the redacted raw kept).
 * Pure: no I/O, so every shape is unit-tested.
 */
import type { EngineState } from '@/server/engine/engine';
import { mapUpstreamStatus, type TaskStatus } from '@/shared/status';
import { readApiLevelError, type ApiLevelError } from './read-api-error';
import { readFirst, readPath } from './read-path';
import { rawForSupport, redactText } from '@/server/net/redact-secrets';
import {
  ERROR_TEXT_PATHS,
  ID_PATHS,
  POSTER_URL_PATHS,
  PROGRESS_PATHS,
  STATUS_KEYS,
  STATUS_PATHS,
  VIDEO_URL_PATHS,
} from './upstream-task-fields';
import { UpstreamError } from '../upstream-error';
import { asErrorText, asHttpUrl, asId, asProgress, asStatusWord } from './upstream-values';

export interface ReadUpstreamTaskContext {
  operation: 'create' | 'get';
  httpStatus: number;
  /** Removed from the raw answer and from every message. */
  secrets: readonly string[];
  /** For `get`: the id asked about, used when the answer does not repeat it. */
  requestedId?: string;
}

const REFUSED_KEY_MESSAGE =
  'API in One refused the API key. Check APIINONE_API_KEY on the server (the key is not shown here).';

export function readUpstreamTask(body: unknown, context: ReadUpstreamTaskContext): EngineState {
  const raw = rawForSupport(body, context.secrets);
  const unreadable = (reason: string) =>
    new UpstreamError({
      code: 'upstream_unreadable',
      message: redactText(`API in One answered in a way this server does not understand: ${reason}.`, context.secrets),
      transient: false,
      reached: 'answered',
      httpStatus: context.httpStatus,
      raw,
    });

  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw unreadable(`expected a JSON object, got ${Array.isArray(body) ? 'an array' : typeof body}`);
  }

  const idHit = readFirst(body, ID_PATHS, asId);
  const statusHit = readStatusWord(body, idHit?.path ?? null);
  const status = statusHit ? mapUpstreamStatus(statusHit) : null;
  const apiError = readApiLevelError(body, statusHit !== null);
  const errorText = readFirst(body, ERROR_TEXT_PATHS, asErrorText)?.value ?? apiError?.message ?? null;

  if (apiError && (statusHit === null || (context.operation === 'create' && status === 'failed'))) {
    throw apiLevelFailure(apiError, context, raw);
  }
  if (statusHit !== null && status === null) throw unreadable(`unknown status "${statusHit}"`);
  if (context.operation === 'create' && status === 'failed' && !idHit) {
    throw apiLevelFailure({ code: null, message: errorText, transient: false, unauthorized: false }, context, raw);
  }

  const upstreamTaskId = idHit?.value ?? (context.operation === 'get' ? context.requestedId : undefined);
  if (!upstreamTaskId) throw unreadable('the answer has no task id');
  // A fresh submit often answers with the id alone; a poll must say where the task is.
  const finalStatus: TaskStatus | null = status ?? (context.operation === 'create' ? 'queued' : null);
  if (!finalStatus) throw unreadable('the answer has no task status');

  const videoUrl = readFirst(body, VIDEO_URL_PATHS, asHttpUrl)?.value ?? null;
  if (finalStatus === 'succeeded' && !videoUrl)
    throw unreadable('the task is reported as succeeded but no video URL was found');

  return {
    upstreamTaskId,
    status: finalStatus,
    progress: finalStatus === 'succeeded' ? 100 : (readFirst(body, PROGRESS_PATHS, asProgress)?.value ?? null),
    videoUrl: finalStatus === 'succeeded' ? videoUrl : null,
    posterUrl: finalStatus === 'succeeded' ? (readFirst(body, POSTER_URL_PATHS, asHttpUrl)?.value ?? null) : null,
    error: taskError(finalStatus, errorText, context.secrets),
    raw,
    httpStatus: context.httpStatus,
  };
}

/** The upstream task id an answer or a webhook names, wherever its wrapper put it. */
export function upstreamTaskIdOf(body: unknown): string | null {
  return readFirst(body, ID_PATHS, asId)?.value ?? null;
}

/* The status beside the id wins: a wrapper's own `status: "success"` is about the request. */
function readStatusWord(body: object, idPath: string | null): string | null {
  const container = idPath ? idPath.slice(0, idPath.lastIndexOf('.') + 1) : null;
  const paths =
    container !== null ? [...STATUS_KEYS.map((key) => `${container}${key}`), ...STATUS_PATHS] : STATUS_PATHS;
  for (const path of paths) {
    const word = asStatusWord(readPath(body, path));
    if (word !== null) return word;
  }
  return null;
}

function taskError(status: TaskStatus, text: string | null, secrets: readonly string[]): EngineState['error'] {
  if (status === 'failed') {
    const message = text ?? 'API in One reported the task as failed without giving a reason.';
    return { code: 'upstream_error', message: redactText(message, secrets) };
  }
  if (status === 'canceled' && text) return { code: 'upstream_error', message: redactText(text, secrets) };
  return null;
}

function apiLevelFailure(error: ApiLevelError, context: ReadUpstreamTaskContext, raw: unknown): UpstreamError {
  const codePart = error.code !== null ? ` (code ${String(error.code)})` : '';
  const message = error.unauthorized
    ? REFUSED_KEY_MESSAGE
    : `API in One ${error.transient ? 'could not handle' : 'refused'} the request${codePart}: ${
        error.message ?? 'no reason given'
      }`;
  return new UpstreamError({
    code: error.transient ? 'upstream_error' : 'upstream_rejected',
    message: redactText(message, context.secrets),
    transient: error.transient,
    reached: 'answered',
    httpStatus: context.httpStatus,
    raw,
  });
}
