/**
 * The HTTP client for the real API in One upstream: every call has a deadline, faults that
 * pass are retried with backoff, and every answer is read tolerantly into one shape.
 * The key goes only into the Authorization header of calls to the API's own origin.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { EngineCallOptions, EngineState } from '@/server/engine/engine';
import { retryDelayMs } from '@/server/net/retry-policy';
import { readCappedText, timedFetch } from '@/server/net/timed-fetch';
import type { Duration, Resolution } from '@/shared/pricing';
import { attemptDownload, type Downloaded } from './download-result';
import { fetchFailureOf, taskStateOf, type TaskCall } from './task-call-outcome';
import { asSubmitError, sendAgainNow, UpstreamError, withAttempts } from './upstream-error';

export interface UpstreamCreateBody {
  model: string;
  prompt: string;
  image: string;
  duration: Duration;
  resolution: Resolution;
  callback_url?: string;
}

export interface CallOptions extends EngineCallOptions {
  /** Sent as `Idempotency-Key`, for a relay that honours it; API in One does not say it does. */
  idempotencyKey?: string;
}

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

export class ApiInOneClient {
  private readonly baseUrl: string;
  private readonly apiOrigin: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly maxDownloadBytes: number;
  private readonly maxAnswerBytes: number;
  private readonly fetchImpl: typeof fetch;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

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
    this.maxRetries = options.maxRetries ?? 4;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /*
   * API in One documents no idempotency: the Idempotency-Key is sent (a relay that honours it
   * is safer still) but never relied on. A submit is sent again only when it provably did
   * nothing: the connection was refused, the name did not resolve, or the upstream declined it
   * (429, 503, a "try later" code). After a timeout or a cut connection the job may exist, and
   * be billed: the error says so (mayHaveStarted) and the call ends there.
   */
  async createTask(body: UpstreamCreateBody, options: CallOptions = {}): Promise<EngineState> {
    const headers: Record<string, string> = { ...this.jsonHeaders(), 'Content-Type': 'application/json' };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const call: TaskCall = { operation: 'create', secrets: this.secrets() };
    const init = { method: 'POST', headers, body: JSON.stringify(body) };
    try {
      return await this.callTask(`${this.baseUrl}/api/v1/videos/generations`, init, call, {
        safeToRepeat: false,
        signal: options.signal,
      });
    } catch (error) {
      throw error instanceof UpstreamError ? asSubmitError(error) : error;
    }
  }

  /** A poll changes nothing upstream: always safe to repeat. */
  getTask(upstreamTaskId: string, options: CallOptions = {}): Promise<EngineState> {
    const call: TaskCall = { operation: 'get', requestedId: upstreamTaskId, secrets: this.secrets() };
    const init = { method: 'GET', headers: this.jsonHeaders() };
    return this.callTask(`${this.baseUrl}/api/v1/tasks/${encodeURIComponent(upstreamTaskId)}`, init, call, {
      safeToRepeat: true,
      signal: options.signal,
    });
  }

  /**
   * Copies a result to `filePath` (through a temporary file, renamed when complete; nothing is
   * left behind on failure). Local file-system errors are thrown as they are. A GET: safe to repeat.
   */
  downloadToFile(
    url: string,
    filePath: string,
    options: CallOptions & { maxBytes?: number } = {},
  ): Promise<Downloaded> {
    const request = {
      url,
      filePath,
      maxBytes: options.maxBytes ?? this.maxDownloadBytes,
      headersFor: (target: URL) => (target.origin === this.apiOrigin ? this.authHeaders() : {}),
      secrets: this.secrets(),
    };
    const env = { fetchImpl: this.fetchImpl, timeoutMs: this.downloadTimeoutMs, signal: options.signal };
    return this.withRetries(() => attemptDownload(request, env), { safeToRepeat: true, signal: options.signal });
  }

  private callTask(url: string, init: RequestInit, call: TaskCall, retry: RetryPlan): Promise<EngineState> {
    const env = { fetchImpl: this.fetchImpl, timeoutMs: this.timeoutMs, signal: retry.signal };
    return this.withRetries(async () => {
      const result = await timedFetch(url, { ...init, redirect: 'manual' }, env, async (response) => ({
        status: response.status,
        headers: response.headers,
        ...(await readCappedText(response, this.maxAnswerBytes)),
      }));
      if (!result.ok) throw fetchFailureOf(result, call);
      return taskStateOf({ ...result.value, now: Date.now() }, call);
    }, retry);
  }

  /**
   * Runs one attempt after another until it works, must not be repeated now (sendAgainNow), or
   * retries run out; between attempts waits with full jitter, at least what Retry-After said.
   * Anything but an UpstreamError (the caller's abort, a local fault) ends the call at once.
   */
  private async withRetries<T>(attempt: () => Promise<T>, { safeToRepeat, signal }: RetryPlan): Promise<T> {
    for (let attempts = 1; ; attempts += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        const retriesUsed = attempts - 1;
        if (!sendAgainNow(error, safeToRepeat) || retriesUsed >= this.maxRetries) throw withAttempts(error, attempts);
        const wait = retryDelayMs({
          retry: retriesUsed,
          baseMs: this.retryBaseMs,
          capMs: this.maxRetryDelayMs,
          retryAfterMs: error.retryAfterMs,
          random: this.random,
        });
        await this.sleep(wait, signal);
      }
    }
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

interface RetryPlan {
  /** Whether a request that may have reached the upstream can be sent again without doing its work twice. */
  safeToRepeat: boolean;
  signal: AbortSignal | undefined;
}
