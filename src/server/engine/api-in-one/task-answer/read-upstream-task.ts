/**
 * Reads an upstream answer into one `EngineState`, whatever shape it came in, or throws
 * an `UpstreamError` that says what could not be understood (with the redacted raw kept).
 * Pure: no I/O, so every shape is unit-tested.
 */
import type { EngineState } from '@/server/engine/engine';
import { mapUpstreamStatus, type TaskStatus } from '@/shared/status';
import { isPassing, readApiLevelError, type ApiLevelError } from './read-api-error';
import { readFirst, readPath } from './read-path';
import { rawForSupport, redactText } from '@/server/net/redact-secrets';
import {
  ERROR_TEXT_PATHS,
  FAIL_CODE_PATHS,
  FILE_ID_PATHS,
  ID_PATHS,
  POSTER_URL_PATHS,
  PROGRESS_PATHS,
  STATUS_KEYS,
  STATUS_PATHS,
  VIDEO_URL_PATHS,
} from './upstream-task-fields';
import { UpstreamError } from '../upstream-error';
import { asErrorText, asHttpUrl, asId, asProgress, asStatusWord } from './upstream-values';
import { refusalWords } from './refusal-words';

export interface ReadUpstreamTaskContext {
  operation: 'create' | 'get';
  httpStatus: number;
  /** Removed from the raw answer and from every message. */
  secrets: readonly string[];
  /** For `get`: the id asked about, used when the answer does not repeat it. */
  requestedId?: string;
}

type Hit<T> = { path: string; value: T } | null;

/** Where in an answer each part of a task was found (the path), and what it said. */
export interface TaskFields {
  id: Hit<string>;
  status: Hit<string>;
  progress: Hit<number>;
  video: Hit<string>;
  poster: Hit<string>;
  fileId: Hit<string>;
  errorText: Hit<string>;
  failCode: Hit<string>;
}

/** Every part of a task an answer object holds, with the path it was read from. */
export function findTaskFields(body: object): TaskFields {
  const id = readFirst(body, ID_PATHS, asId);
  return {
    id,
    status: readStatusWord(body, id?.path ?? null),
    progress: readFirst(body, PROGRESS_PATHS, asProgress),
    video: readFirst(body, VIDEO_URL_PATHS, asHttpUrl),
    poster: readFirst(body, POSTER_URL_PATHS, asHttpUrl),
    fileId: readFirst(body, FILE_ID_PATHS, asId),
    errorText: readFirst(body, ERROR_TEXT_PATHS, asErrorText),
    failCode: readFirst(body, FAIL_CODE_PATHS, asId),
  };
}

export function readUpstreamTask(body: unknown, context: ReadUpstreamTaskContext): EngineState {
  const raw = rawForSupport(body, context.secrets);
  const unreadable = (reason: string, engineSaysDone = false) =>
    new UpstreamError({
      code: 'upstream_unreadable',
      message: redactText(
        engineSaysDone ? `${reason}.` : `API in One answered in a way this server does not understand: ${reason}.`,
        context.secrets,
      ),
      transient: false,
      reached: 'answered',
      httpStatus: context.httpStatus,
      raw,
      engineSaysDone,
    });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw unreadable(`expected a JSON object, got ${Array.isArray(body) ? 'an array' : typeof body}`);
  }
  const fields = findTaskFields(body);
  const statusWord = fields.status?.value ?? null;
  const status = statusWord ? mapUpstreamStatus(statusWord) : null;
  const apiError = readApiLevelError(body, statusWord !== null);
  const errorText = fields.errorText?.value ?? apiError?.message ?? null;
  if (apiError && (statusWord === null || (context.operation === 'create' && status === 'failed'))) {
    throw apiLevelFailure(apiError, context, raw);
  }
  if (statusWord !== null && status === null) throw unreadable(`unknown status "${statusWord}"`);
  if (context.operation === 'create' && status === 'failed' && !fields.id) {
    throw apiLevelFailure({ code: null, message: errorText, kind: 'refused' }, context, raw);
  }
  const upstreamTaskId = fields.id?.value ?? (context.operation === 'get' ? context.requestedId : undefined);
  if (!upstreamTaskId) throw unreadable('the answer has no task id');
  // A fresh submit often answers with the id alone; a poll must say where the task is.
  const finalStatus: TaskStatus | null = status ?? (context.operation === 'create' ? 'queued' : null);
  if (!finalStatus) throw unreadable('the answer has no task status');
  const videoUrl = fields.video?.value ?? null;
  // Done (and perhaps billed) without a link we can fetch: said plainly, and marked so the tracker waits, then asks a person.
  if (finalStatus === 'succeeded' && !videoUrl) throw unreadable(missingLinkReason(fields), true);
  return {
    upstreamTaskId,
    status: finalStatus,
    progress: finalStatus === 'succeeded' ? 100 : (fields.progress?.value ?? null),
    videoUrl: finalStatus === 'succeeded' ? videoUrl : null,
    posterUrl: finalStatus === 'succeeded' ? (fields.poster?.value ?? null) : null,
    error: taskError(finalStatus, errorText, fields.failCode?.value ?? null, context.secrets),
    raw,
    httpStatus: context.httpStatus,
  };
}

/** The upstream task id an answer or a webhook names, wherever its wrapper put it. */
export function upstreamTaskIdOf(body: unknown): string | null {
  return readFirst(body, ID_PATHS, asId)?.value ?? null;
}

function missingLinkReason(fields: TaskFields): string {
  const reason = 'API in One reports the task as succeeded but no video URL was found in its answer';
  if (!fields.fileId) return reason;
  return `${reason}: its answer holds only a MiniMax file id (${fields.fileId.value}), which this server cannot fetch a video from`;
}

/* The status beside the id wins: a wrapper's own `status: "success"` is about the request. */
function readStatusWord(body: object, idPath: string | null): Hit<string> {
  const container = idPath ? idPath.slice(0, idPath.lastIndexOf('.') + 1) : null;
  const paths =
    container !== null ? [...STATUS_KEYS.map((key) => `${container}${key}`), ...STATUS_PATHS] : STATUS_PATHS;
  for (const path of paths) {
    const word = asStatusWord(readPath(body, path));
    if (word !== null) return { path, value: word };
  }
  return null;
}

function taskError(
  status: TaskStatus,
  text: string | null,
  failCode: string | null,
  secrets: readonly string[],
): EngineState['error'] {
  // The provider's own code goes inside the sentence: support quotes it when asking the provider.
  const withCode = (sentence: string) =>
    failCode ? sentence.replace(/([.!?]?)$/, (end) => ` (its code: ${failCode})${end}`) : sentence;
  if (status === 'failed') {
    const message = withCode(text ?? 'API in One reported the task as failed without giving a reason.');
    return { code: 'upstream_error', message: redactText(message, secrets) };
  }
  if (status === 'canceled' && text) return { code: 'upstream_error', message: redactText(text, secrets) };
  return null;
}

function apiLevelFailure(error: ApiLevelError, context: ReadUpstreamTaskContext, raw: unknown): UpstreamError {
  const words = refusalWords(error.kind, error.code !== null ? `code ${String(error.code)}` : null, error.message);
  return new UpstreamError({
    code: isPassing(error.kind) ? 'upstream_error' : 'upstream_rejected',
    message: redactText(words.message, context.secrets),
    transient: isPassing(error.kind),
    declined: error.kind === 'try_later',
    taskCode: words.taskCode,
    reached: 'answered',
    httpStatus: context.httpStatus,
    raw,
  });
}
