/**
 * What `npm run upstream:check` keeps and says about each answer API in One gives: the answer
 * itself with every secret removed, the shape it came in (its keys, and where our reader found
 * the id, the status and the links), and what our client made of it — the very code the server
 * runs (taskStateOf), so "understood" here means understood in production.
 */
import { findTaskFields, type TaskFields } from '@/server/engine/api-in-one/task-answer/read-upstream-task';
import { taskStateOf, type TaskCall } from '@/server/engine/api-in-one/task-call-outcome';
import { UpstreamError } from '@/server/engine/api-in-one/upstream-error';
import { rawForSupport, redactText } from '@/server/net/redact-secrets';
import type { EngineState } from '@/server/engine/engine';

export interface RecordedAnswer {
  at: string;
  call: 'create' | 'get';
  request: { method: string; url: string; body?: unknown };
  http_status: number | null;
  headers: Record<string, string>;
  /** The answer as parsed JSON (or its text), secrets removed. */
  body: unknown;
  /** Keys of the answer, three levels deep, strings holding JSON opened: the shape it came in. */
  shape: string;
  /** Where the reader found each part of a task. */
  found: Partial<Record<keyof TaskFields, string>>;
  reading:
    | { understood: true; status: string; upstream_task_id: string; video_url: string | null }
    | {
        understood: false;
        message: string;
        engine_says_done: boolean;
      };
}

/* Headers worth keeping for support: what the answer is, how long to wait, which request it was. */
const KEPT_HEADERS = ['content-type', 'retry-after', 'x-request-id', 'x-ratelimit-remaining', 'date'];

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `{code, message, data:{task_id, status}}`: the keys an answer holds, three levels deep. */
export function shapeOf(value: unknown, depth = 0): string {
  const opened = typeof value === 'string' && /^\s*[[{]/.test(value) ? (parsed(value) ?? value) : value;
  if (Array.isArray(opened)) return opened.length ? `[${shapeOf(opened[0], depth)}]` : '[]';
  if (opened === null || typeof opened !== 'object') return typeof opened;
  if (depth >= 3) return '{…}';
  const entries = Object.entries(opened as Record<string, unknown>).map(([key, child]) => {
    const nested =
      child !== null && (typeof child === 'object' || (typeof child === 'string' && /^\s*[[{]/.test(child)));
    return nested ? `${key}:${shapeOf(child, depth + 1)}` : key;
  });
  return `{${entries.join(', ')}}`;
}

function foundPaths(json: unknown): RecordedAnswer['found'] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  const fields = findTaskFields(json);
  const found: RecordedAnswer['found'] = {};
  for (const [name, hit] of Object.entries(fields) as [keyof TaskFields, TaskFields[keyof TaskFields]][]) {
    if (hit) found[name] = hit.path;
  }
  return found;
}

export interface Exchange {
  call: TaskCall;
  request: RecordedAnswer['request'];
  response: Response | null;
  text: string;
  error: string | null;
}

/** Records one exchange and reads it as the server would; `state` is set when it was understood. */
export function recordAnswer(
  exchange: Exchange,
  secrets: readonly string[],
): { recorded: RecordedAnswer; state: EngineState | null } {
  const { response, text, call } = exchange;
  const json = parsed(text);
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response?.headers.get(name);
    if (value) headers[name] = redactText(value, secrets);
  }
  const base = {
    at: new Date().toISOString(),
    call: call.operation,
    request: rawForSupport(exchange.request, secrets) as RecordedAnswer['request'],
    http_status: response?.status ?? null,
    headers,
    body: rawForSupport(json === undefined ? text : json, secrets),
    shape: json === undefined ? (text.trim() ? 'not JSON' : 'empty') : shapeOf(json),
    found: foundPaths(json),
  };
  if (!response) {
    const message = redactText(exchange.error ?? 'no answer', secrets);
    return { recorded: { ...base, reading: { understood: false, message, engine_says_done: false } }, state: null };
  }
  try {
    const state = taskStateOf(
      { status: response.status, headers: response.headers, text, truncated: false, now: Date.now() },
      call,
    );
    const reading = {
      understood: true as const,
      status: state.status,
      upstream_task_id: state.upstreamTaskId,
      video_url: state.videoUrl,
    };
    return { recorded: { ...base, reading }, state };
  } catch (error) {
    const failure = error instanceof UpstreamError ? error : null;
    const message = redactText(error instanceof Error ? error.message : String(error), secrets);
    const reading = { understood: false as const, message, engine_says_done: failure?.engineSaysDone ?? false };
    return { recorded: { ...base, reading }, state: null };
  }
}

/** One line per answer for the terminal: the call, the status, the shape, and whether we understood it. */
export function describeAnswer(answer: RecordedAnswer): string {
  const found = Object.entries(answer.found)
    .map(([name, path]) => `${name} ← ${path}`)
    .join(', ');
  const reading = answer.reading.understood
    ? `understood: ${answer.reading.status}${answer.reading.video_url ? `, video ${answer.reading.video_url}` : ''}`
    : `NOT understood${answer.reading.engine_says_done ? ' (it says done)' : ''}: ${answer.reading.message}`;
  const status = answer.http_status === null ? 'no answer' : `HTTP ${answer.http_status}`;
  return `${answer.call.padEnd(6)} ${status}  shape ${answer.shape}\n         found: ${found || 'nothing'}\n         ${reading}`;
}
