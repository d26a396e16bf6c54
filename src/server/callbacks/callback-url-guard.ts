/**
 * A `callback_url` the server could never call (a private or local address written out, a user
 * name or password in it) is refused at submit with 422, before any task exists, rather than
 * failing quietly when the task ends. Names are resolved only when the callback is sent, where
 * safeFetch checks the address again.
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '@/server/http/http-error';
import { hostToAddress } from '@/server/net/ip-policy';

type AddressPolicy = (address: string) => boolean;

/** Why the server will not call this link, or null when it may try. */
export function callbackUrlRefusal(value: string, isAllowed: AddressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // the schema explains a malformed link
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return 'The callback URL cannot contain a user name or password.';
  const host = url.hostname.toLowerCase();
  const local = host === 'localhost' || host.endsWith('.localhost');
  // The URL parser has already turned `127.1`, `2130706433` and `0x7f000001` into dotted form.
  const address = local ? '127.0.0.1' : hostToAddress(host);
  if (address && !isAllowed(address)) {
    return 'The callback URL points to a private or local address, which the server will not call. Use a public address.';
  }
  return null;
}

/** Reads a copy of the JSON body, so the route's own body limit and validation still see it untouched. */
async function callbackUrlOf(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>).callback_url : undefined;
    return typeof value === 'string' ? value.trim() : null;
  } catch {
    return null; // not JSON: the route answers that
  }
}

export function refuseUnsafeCallbackUrls(isAllowed: AddressPolicy): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const url = await callbackUrlOf(c.req.raw);
    const refusal = url ? callbackUrlRefusal(url, isAllowed) : null;
    if (refusal) {
      return c.json(errorBody('url_not_allowed', refusal, [{ path: 'callback_url', message: refusal }]), 422);
    }
    await next();
  };
}
