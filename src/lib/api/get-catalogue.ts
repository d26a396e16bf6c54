/** `GET /api/v1/models`: the server's catalogue; every price the form shows is quoted from it. */
import { queryOptions } from '@tanstack/react-query';
import { useHydrationSafeQuery } from '@/lib/api/use-hydration-safe-query';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { catalogueSchema, type Catalogue } from '@/shared/contract';

export function getCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  return apiFetch('/api/v1/models', { schema: catalogueSchema, signal });
}

export function catalogueQueryOptions() {
  // Prices are server configuration: they change with a deploy, not while someone types.
  return queryOptions({
    queryKey: queryKeys.catalogue(),
    queryFn: ({ signal }) => getCatalogue(signal),
    staleTime: 5 * 60_000,
  });
}

export function useCatalogue() {
  return useHydrationSafeQuery(catalogueQueryOptions());
}
