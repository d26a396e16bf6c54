import { ApiError } from '@/lib/api-client';

/** A 404 from the API: the id is unknown, and asking again will not change that. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
