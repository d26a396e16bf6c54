/** The SPA's one way to call the server: typed, validated with the shared schemas, errors as values people can read. */
import type { z } from 'zod/mini';
import { apiErrorSchema } from '@/shared/contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the server could not be reached at all (offline, restarting). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ApiRequest<S extends z.ZodMiniType> {
  schema: S;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function apiFetch<S extends z.ZodMiniType>(path: string, request: ApiRequest<S>): Promise<z.infer<S>> {
  const { schema, method = 'GET', body, headers = {}, signal } = request;
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers }, signal };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection; the page keeps trying.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'unexpected_response',
      'The server answered in a way this page does not understand. Reload the page.',
    );
  }
  return parsed.data;
}

export function toApiError(status: number, payload: unknown): ApiError {
  const parsed = apiErrorSchema.safeParse(payload);
  if (parsed.success)
    return new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
  if (status >= 500) return new ApiError(status, 'server_error', 'The server had a problem. Try again in a moment.');
  return new ApiError(status, 'http_error', `The request failed (HTTP ${status}).`);
}

/** Builds a query string from defined, non-empty values. */
export function toSearch(params: Record<string, string | number | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
