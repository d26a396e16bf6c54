/**
 * Submit routes refuse, with 422 and before any task exists, a link the server could never
 * reach: the `callback_url`, and each reference image (`image`, `images[]`) but our own uploads,
 * which are read from storage whatever address they name. The JSON body is read from a copy, so
 * the route's own body limit and validation still see it untouched.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { looksLikeOwnUpload, ownUpload } from '@/server/images/read-image';
import { linkRefusal } from '@/server/net/link-refusal';
import type { Services } from '@/server/services';
import { errorBody } from './http-error';
import { requestOrigin } from './request-origin';

interface Link {
  path: string;
  url: string;
  image: boolean;
}

function linksOf(body: unknown): Link[] {
  if (!body || typeof body !== 'object') return [];
  const { callback_url: callback, image, images } = body as Record<string, unknown>;
  const links: Link[] = [];
  if (typeof callback === 'string') links.push({ path: 'callback_url', url: callback.trim(), image: false });
  if (typeof image === 'string') links.push({ path: 'image', url: image.trim(), image: true });
  if (Array.isArray(images)) {
    images.forEach((url, index) => {
      if (typeof url === 'string') links.push({ path: `images.${index}`, url: url.trim(), image: true });
    });
  }
  return links;
}

async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.clone().json();
  } catch {
    return null; // not JSON: the route answers that
  }
}

export function refuseUnsafeLinks(
  services: Pick<Services, 'isAllowedAddress' | 'images' | 'config'>,
): MiddlewareHandler {
  const isOurUpload = async (c: Context, url: string) => {
    if (!looksLikeOwnUpload(url)) return false;
    const origin = requestOrigin(c, services.config.publicBaseUrl);
    return new URL(url).origin === origin || (await ownUpload(url, services.images, origin)) !== null;
  };
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const refusals: { path: string; message: string }[] = [];
    for (const link of linksOf(await bodyOf(c.req.raw))) {
      const words = link.image
        ? {
            what: link.path === 'image' ? 'The image link' : `Image ${Number(link.path.split('.')[1]) + 1}`,
            verb: 'fetch',
          }
        : { what: 'The callback URL', verb: 'call' };
      const refusal = linkRefusal(link.url, services.isAllowedAddress, words);
      if (refusal && !(link.image && (await isOurUpload(c, link.url))))
        refusals.push({ path: link.path, message: refusal });
    }
    if (refusals.length) return c.json(errorBody('url_not_allowed', refusals[0]!.message, refusals), 422);
    await next();
  };
}
