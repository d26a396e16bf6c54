/** `GET /api/v1/billing/spend`: credits charged per day (at the viewer's midnight) and per batch. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, toSearch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { spendSchema, type Spend } from '@/shared/batch-contract';

export function getSpend(days: number, signal?: AbortSignal): Promise<Spend> {
  // getTimezoneOffset is minutes *behind* UTC; the API wants minutes ahead.
  const search = toSearch({ days, tz_offset_min: -new Date().getTimezoneOffset() });
  return apiFetch(`/api/v1/billing/spend${search}`, { schema: spendSchema, signal });
}

export function spendQueryOptions(days: number) {
  return queryOptions({
    queryKey: queryKeys.spend(days),
    queryFn: ({ signal }) => getSpend(days, signal),
    staleTime: 10_000,
  });
}

export function useSpend(days: number) {
  return useQuery(spendQueryOptions(days));
}
