/**
 * Fetches a URL a user gave us (an image link, a webhook) without letting it reach inside:
 * http(s) only, no credentials, every address checked after DNS resolution and on every
 * redirect, and limits on size, time and redirects.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { hostToAddress, isPublicAddress } from './ip-policy';

export interface SafeFetchOptions {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Which resolved addresses may be connected to; tests narrow this to loopback ports they own. */
  isAllowed?: (address: string) => boolean;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

export class UnsafeUrlError extends Error {
  constructor(
    message: string,
    readonly reason: 'scheme' | 'credentials' | 'address' | 'redirects' | 'too_large' | 'timeout' | 'network',
  ) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const { maxRedirects = 3, timeoutMs = 10_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let url = rawUrl;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const response = await requestOnce(checkUrl(url, options), options, deadline);
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).toString();
      continue;
    }
    return response;
  }
  throw new UnsafeUrlError(`The link redirects more than ${maxRedirects} times.`, 'redirects');
}

function checkUrl(rawUrl: string, options: SafeFetchOptions): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UnsafeUrlError('That is not a valid link.', 'scheme');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError('Only http:// and https:// links can be used.', 'scheme');
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError('Links with a user name or password in them cannot be used.', 'credentials');
  }
  // The URL parser already turned `127.1`, `2130706433` and `0x7f000001` into dotted form.
  const literal = hostToAddress(url.hostname);
  if (literal && !allowed(literal, options)) throw refusedAddress();
  return url;
}

function allowed(address: string, options: SafeFetchOptions): boolean {
  return (options.isAllowed ?? isPublicAddress)(address);
}

function refusedAddress(): UnsafeUrlError {
  return new UnsafeUrlError(
    'That link points to a private or local address, which the server will not fetch.',
    'address',
  );
}

/** Checks the address at connect time, so a DNS answer cannot change between the check and the use. */
function guardedLookup(options: SafeFetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0 || list.some((a) => !allowed(a.address, options))) {
        return callback(refusedAddress() as NodeJS.ErrnoException, '', 0);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function requestOnce(url: URL, options: SafeFetchOptions, deadline: number): Promise<SafeResponse> {
  const { method = 'GET', headers = {}, body, maxBytes = 20 * 1024 * 1024 } = options;
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new UnsafeUrlError('The link took too long to answer.', 'timeout'));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method,
        headers: { 'User-Agent': 'HailuoStudio/1.0', ...headers },
        lookup: guardedLookup(options),
        timeout: remaining,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          response.destroy();
          return reject(tooLarge(maxBytes));
        }
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(tooLarge(maxBytes));
          } else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            url: url.toString(),
          }),
        );
        response.on('error', (error) => reject(network(error)));
      },
    );
    const timer = setTimeout(
      () => request.destroy(new UnsafeUrlError('The link took too long to answer.', 'timeout')),
      remaining,
    );
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () => request.destroy(new UnsafeUrlError('The link took too long to answer.', 'timeout')));
    request.on('error', (error) => reject(error instanceof UnsafeUrlError ? error : network(error)));
    if (body) request.write(body);
    request.end();
  });
}

function tooLarge(maxBytes: number): UnsafeUrlError {
  return new UnsafeUrlError(
    `The file at that link is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    'too_large',
  );
}

function network(error: Error): UnsafeUrlError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOTFOUND'
      ? 'its host name does not exist'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : 'the connection failed';
  return new UnsafeUrlError(`The link could not be reached: ${why}.`, 'network');
}
