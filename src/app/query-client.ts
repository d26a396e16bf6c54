import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { redirectToSignIn } from '@/features/auth/lib/sign-in-redirect';
import { ApiError } from '@/lib/api-client';

/* A 4xx will not change by asking again; a lost connection or a 5xx might. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/* A 401 from any request means there is no session (or it ended): go and sign in. */
function signInOnUnauthorized(error: Error): void {
  if (error instanceof ApiError && error.status === 401) redirectToSignIn();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInOnUnauthorized }),
    mutationCache: new MutationCache({ onError: signInOnUnauthorized }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 2000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
