import type { Context } from 'hono';

/**
 * The origin absolute links are built on: PUBLIC_BASE_URL when set (behind a proxy, and what
 * the real upstream must reach), else the origin the client used to reach us.
 */
export function requestOrigin(c: Context, publicBaseUrl: string | null): string {
  if (publicBaseUrl) return publicBaseUrl;
  // The request URL is already absolute and normalized (the adapter validated the Host), so its
  // origin ends at the first "/" after "//"; parsing it again costs more than a kept task answer.
  const url = c.req.url;
  const end = url.indexOf('/', url.indexOf('//') + 2);
  return end === -1 ? url : url.slice(0, end);
}
