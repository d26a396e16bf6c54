import type { Context } from 'hono';

/**
 * The origin absolute links are built on: PUBLIC_BASE_URL when set (behind a proxy, and what
 * the real upstream must reach), else the origin the client used to reach us.
 */
export function requestOrigin(c: Context, publicBaseUrl: string | null): string {
  return publicBaseUrl ?? new URL(c.req.url).origin;
}
