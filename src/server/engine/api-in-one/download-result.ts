/**
 * One attempt at copying a result (video or poster) from an upstream link to a file. Upstream
 * links expire within hours, so the tracker copies at once; this decides what a failed copy
 * means and whether another attempt may work (a GET changes nothing upstream, so it may be repeated).
 */
import { redactText } from '@/server/net/redact-secrets';
import { parseRetryAfter, RETRY_STATUSES } from '@/server/net/retry-policy';
import { saveStream } from '@/server/net/save-stream';
import { timedFetch, type TimedFetchEnv, type TimedFetchResult } from '@/server/net/timed-fetch';
import type { EngineErrorCode } from '@/server/engine/engine';
import type { Reached } from '@/server/net/fetch-failure';
import { UpstreamError } from './upstream-error';

export interface DownloadRequest {
  url: string;
  filePath: string;
  maxBytes: number;
  /* Only the API's own origin gets the key; a CDN or a redirect elsewhere never sees it. */
  headersFor: (url: URL) => Record<string, string>;
  secrets: readonly string[];
}

export type Downloaded = { bytes: number; contentType: string | null };

const MAX_REDIRECTS = 5;
/* An error page or a JSON error where a video should be: saving it would archive garbage. */
const NOT_MEDIA = /^(text\/html|application\/json|text\/plain)/i;

type HopResult =
  | { kind: 'saved'; value: Downloaded }
  | { kind: 'redirect'; location: string | null }
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'not-media'; contentType: string }
  | { kind: 'too-large'; bytes: number };

/** Where a link points, without its query (signed links carry tokens that do not belong in logs). */
export function describeLink(url: URL): string {
  const text = `${url.origin}${url.pathname}`;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * One attempt; throws an UpstreamError when the copy failed (transient when another attempt may
 * work), and local file-system errors as they are.
 */
export async function attemptDownload(request: DownloadRequest, env: TimedFetchEnv): Promise<Downloaded> {
  const fail = (
    code: EngineErrorCode,
    message: string,
    transient: boolean,
    reached: Reached,
    extra: { httpStatus?: number; retryAfterMs?: number | null } = {},
  ) => new UpstreamError({ code, message: redactText(message, request.secrets), transient, reached, ...extra });

  const first = parseHttpUrl(request.url);
  if (!first)
    throw fail('upstream_unreadable', 'The result link from API in One is not an http(s) URL', false, 'not sent');

  let url: URL = first;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const where = describeLink(url);
    const result: TimedFetchResult<HopResult> = await timedFetch(
      url.href,
      { redirect: 'manual', headers: request.headersFor(url) },
      env,
      (response) => readHop(response, request),
    );
    if (!result.ok) {
      if (result.fault === 'other') throw result.cause; // a local fault (disk full, permissions): not the upstream's
      if (result.fault === 'timeout') {
        throw fail(
          'upstream_timeout',
          `Downloading ${where} did not finish within ${result.detail}`,
          true,
          result.reached,
        );
      }
      throw fail('upstream_error', `Downloading ${where} broke off (${result.detail})`, true, result.reached);
    }
    const hopResult: HopResult = result.value;
    switch (hopResult.kind) {
      case 'saved':
        return hopResult.value;
      case 'redirect': {
        const next: URL | null = hopResult.location ? parseHttpUrl(hopResult.location, url) : null;
        if (!next)
          throw fail(
            'upstream_unreadable',
            `The result link ${where} redirects to something that is not an http(s) URL`,
            false,
            'answered',
          );
        url = next;
        continue;
      }
      case 'status': {
        const { status } = hopResult;
        if (RETRY_STATUSES.has(status) || status >= 500) {
          const message = `Downloading ${where} failed (HTTP ${status})`;
          throw fail('upstream_error', message, RETRY_STATUSES.has(status), 'answered', {
            httpStatus: status,
            retryAfterMs: parseRetryAfter(hopResult.retryAfter),
          });
        }
        throw fail(
          'upstream_rejected',
          `The result link ${where} answered HTTP ${status}; upstream links expire, so a fresh one may be needed`,
          false,
          'answered',
          { httpStatus: status },
        );
      }
      case 'not-media':
        throw fail(
          'upstream_unreadable',
          `The result link ${where} returned ${hopResult.contentType}, not a media file`,
          false,
          'answered',
        );
      case 'too-large':
        throw fail(
          'upstream_error',
          `The result at ${where} is larger than the ${formatMegabytes(request.maxBytes)} limit`,
          false,
          'answered',
        );
    }
  }
  throw fail('upstream_error', `The result link redirected more than ${MAX_REDIRECTS} times`, false, 'answered');
}

async function readHop(response: Response, request: DownloadRequest): Promise<HopResult> {
  const { status, headers } = response;
  const contentType = headers.get('content-type');
  if (status < 200 || status >= 300 || (contentType && NOT_MEDIA.test(contentType))) {
    await response.body?.cancel().catch(() => undefined);
    if (status >= 300 && status < 400) return { kind: 'redirect', location: headers.get('location') };
    if (status < 200 || status >= 300) return { kind: 'status', status, retryAfter: headers.get('retry-after') };
    return { kind: 'not-media', contentType: contentType ?? '' };
  }
  const declared = Number(headers.get('content-length'));
  if (Number.isFinite(declared) && declared > request.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', bytes: declared };
  }
  if (!response.body) return { kind: 'saved', value: await emptyFile(request.filePath, contentType) };
  const saved = await saveStream(response.body, request.filePath, request.maxBytes);
  return saved.saved
    ? { kind: 'saved', value: { bytes: saved.bytes, contentType } }
    : { kind: 'too-large', bytes: saved.bytesSeen };
}

async function emptyFile(filePath: string, contentType: string | null): Promise<Downloaded> {
  await saveStream(new Blob([]).stream(), filePath, 0);
  return { bytes: 0, contentType };
}

function parseHttpUrl(text: string, base?: URL): URL | null {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
