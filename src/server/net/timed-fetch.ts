/**
 * One HTTP exchange under a deadline: the request and the reading of its answer share one
 * timeout, combined with the caller's signal. A failure comes back classified, because
 * whether a call may be repeated depends on how far it got.
 */
import { classifyFetchFailure, type Reached } from './fetch-failure';

export interface TimedFetchEnv {
  fetchImpl: typeof fetch;
  timeoutMs: number;
  /** The caller's signal: when it fires, its reason is thrown as is (the caller gave up, nothing to classify). */
  signal?: AbortSignal;
}

export interface FetchFailure {
  ok: false;
  /** What broke: the deadline, the connection, or something else (a bug, a local fault such as a full disk). */
  fault: 'timeout' | 'connection' | 'other';
  /** `answered` once headers had arrived: the other side certainly received the request. */
  reached: Reached;
  detail: string;
  cause: unknown;
}

export type TimedFetchResult<T> = { ok: true; value: T } | FetchFailure;

export async function timedFetch<T>(
  url: string,
  init: RequestInit,
  env: TimedFetchEnv,
  consume: (response: Response, signal: AbortSignal) => Promise<T>,
): Promise<TimedFetchResult<T>> {
  const deadline = AbortSignal.timeout(env.timeoutMs);
  const signal = env.signal ? AbortSignal.any([env.signal, deadline]) : deadline;
  let answered = false;
  try {
    const response = await env.fetchImpl(url, { ...init, signal });
    answered = true;
    return { ok: true, value: await consume(response, signal) };
  } catch (error) {
    if (env.signal?.aborted) throw env.signal.reason;
    if (deadline.aborted) {
      const detail = formatDuration(env.timeoutMs);
      return { ok: false, fault: 'timeout', reached: answered ? 'answered' : 'maybe', detail, cause: error };
    }
    const { fault, reached, detail } = classifyFetchFailure(error);
    return { ok: false, fault, reached: answered ? 'answered' : reached, detail, cause: error };
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Reads a text answer but stops at `maxBytes`: a misbehaving upstream cannot fill our memory. */
export async function readCappedText(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean; bytes: number }> {
  if (!response.body) return { text: '', truncated: false, bytes: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      chunks.push(value.subarray(0, value.byteLength - (bytes - maxBytes)));
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true, bytes };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false, bytes };
}
