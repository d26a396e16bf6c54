/** `GET /api/v1/billing/credits`: the balance shown in the header and beside the price. */
import { queryOptions } from '@tanstack/react-query';
import { creditsSchema, type Credits } from '@/shared/contract';
import { useHydrationSafeQuery } from '@/lib/api/use-hydration-safe-query';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getCredits(signal?: AbortSignal): Promise<Credits> {
  return apiFetch('/api/v1/billing/credits', { schema: creditsSchema, signal });
}

export function creditsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.credits(),
    queryFn: ({ signal }) => getCredits(signal),
    staleTime: 10_000,
  });
}

export function useCredits() {
  return useHydrationSafeQuery(creditsQueryOptions());
}
