import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

/* A 4xx will not change by asking again; a lost connection or a 5xx might. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 2000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
