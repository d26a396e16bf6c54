import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@/shared/errors';

/** An error a person can act on: thrown anywhere in a route, answered as `{error:{code,message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
