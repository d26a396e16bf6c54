/**
 * The HTTP client for the real API in One upstream: every call has a deadline, faults that
 * pass are retried with backoff, and every answer is read tolerantly into one shape.
 * The key goes only into the Authorization header of calls to the API's own origin.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { attemptDownload, type Downloaded } from './download-result';
import { outcomeOfAnswer, outcomeOfFailure, type TaskCall } from './task-call-failures';
import { readCappedText, timedFetch } from '@/server/net/timed-fetch';
import type { UpstreamCallOptions, UpstreamClient, UpstreamCreateBody, UpstreamTaskState } from './types';
import { withRetries, type RetrySettings } from './with-retries';

export interface ApiInOneClientOptions {
  /** e.g. `https://apiin.one`; a trailing slash is ignored. */
  baseUrl: string;
  apiKey: string;
  /** Deadline of one submit or poll attempt, answer included. */
  timeoutMs?: number;
  /** Retries after the first attempt, so at most `maxRetries + 1` requests per call. */
  maxRetries?: number;
  retryBaseMs?: number;
  /** No single wait is longer, whatever `Retry-After` says. */
  maxRetryDelayMs?: number;
  /** Deadline of one download attempt (videos are tens of megabytes). */
  downloadTimeoutMs?: number;
  /** Download cap when the caller gives none. */
  maxDownloadBytes?: number;
  /** Answers to a submit or poll larger than this are not tasks. */
  maxAnswerBytes?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter, replaceable in tests. */
  random?: () => number;
}

const defaultSleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : undefined);

export class ApiInOneClient implements UpstreamClient {
  private readonly baseUrl: string;
  private readonly apiOrigin: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly maxDownloadBytes: number;
  private readonly maxAnswerBytes: number;
  private readonly fetchImpl: typeof fetch;
  private readonly retry: Omit<RetrySettings, 'signal'>;

  constructor(options: ApiInOneClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiOrigin = new URL(this.baseUrl).origin;
    if (!options.apiKey.trim()) throw new Error('ApiInOneClient needs an API key (APIINONE_API_KEY).');
    this.apiKey = options.apiKey.trim();
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 300_000;
    this.maxDownloadBytes = options.maxDownloadBytes ?? 512 * 1024 * 1024;
    this.maxAnswerBytes = options.maxAnswerBytes ?? 2 * 1024 * 1024;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.retry = {
      maxRetries: options.maxRetries ?? 4,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? defaultSleep,
    };
  }

  /*
   * A submit is retried after it may have reached the upstream (a timeout, a cut connection,
   * a 429 or 5xx) ONLY because the Idempotency-Key is sent, the same on every attempt, so the
   * upstream answers a repeat with the task it already made instead of starting (and billing)
   * a second video. Without a key, a submit is repeated only when the connection was refused,
   * i.e. when nothing was sent; any other fault is reported and left to reconciliation.
   */
  createTask(body: UpstreamCreateBody, options: UpstreamCallOptions = {}): Promise<UpstreamTaskState> {
    const headers: Record<string, string> = { ...this.jsonHeaders(), 'Content-Type': 'application/json' };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return this.callTask(
      `${this.baseUrl}/api/v1/videos/generations`,
      { method: 'POST', headers, body: JSON.stringify(body) },
      { operation: 'create', resendable: Boolean(options.idempotencyKey), secrets: this.secrets() },
      options.signal,
    );
  }

  getTask(upstreamTaskId: string, options: UpstreamCallOptions = {}): Promise<UpstreamTaskState> {
    return this.callTask(
      `${this.baseUrl}/api/v1/tasks/${encodeURIComponent(upstreamTaskId)}`,
      { method: 'GET', headers: this.jsonHeaders() },
      { operation: 'get', requestedId: upstreamTaskId, resendable: true, secrets: this.secrets() },
      options.signal,
    );
  }

  /**
   * Copies a result to `filePath` (through a temporary file, renamed when complete; nothing is
   * left behind on failure). Local file-system errors are thrown as they are.
   */
  downloadToFile(
    url: string,
    filePath: string,
    options: UpstreamCallOptions & { maxBytes?: number } = {},
  ): Promise<Downloaded> {
    const request = {
      url,
      filePath,
      maxBytes: options.maxBytes ?? this.maxDownloadBytes,
      headersFor: (target: URL) => (target.origin === this.apiOrigin ? this.authHeaders() : {}),
      secrets: this.secrets(),
    };
    const env = { fetchImpl: this.fetchImpl, timeoutMs: this.downloadTimeoutMs, signal: options.signal };
    return withRetries(() => attemptDownload(request, env), { ...this.retry, signal: options.signal });
  }

  private callTask(
    url: string,
    init: RequestInit,
    call: TaskCall,
    signal: AbortSignal | undefined,
  ): Promise<UpstreamTaskState> {
    const env = { fetchImpl: this.fetchImpl, timeoutMs: this.timeoutMs, signal };
    return withRetries(
      async () => {
        const result = await timedFetch(url, { ...init, redirect: 'manual' }, env, async (response) => ({
          status: response.status,
          headers: response.headers,
          ...(await readCappedText(response, this.maxAnswerBytes)),
        }));
        if (!result.ok) return outcomeOfFailure(result, call);
        return outcomeOfAnswer({ ...result.value, now: Date.now() }, call);
      },
      { ...this.retry, signal },
    );
  }

  private authHeaders(): Record<string, string> {
    return { Authorization: `Bearer ${this.apiKey}` };
  }

  private jsonHeaders(): Record<string, string> {
    return { ...this.authHeaders(), Accept: 'application/json' };
  }

  private secrets(): string[] {
    return [this.apiKey];
  }
}
