/** `GET /api/health`: which engine answers (the local preview engine is simulated and free). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { healthSchema, type Health } from '@/shared/contract';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiFetch('/api/health', { schema: healthSchema, signal });
}

export function healthQueryOptions() {
  // The engine is chosen when the server starts; it does not change while the page is open.
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: Infinity,
  });
}

/** The engine the server named when it served the page (`<html data-engine>`), until the health check answers. */
export function engineOfPage(): Health['engine'] | null {
  const engine = document.documentElement.dataset.engine;
  return engine === 'local' || engine === 'apiinone' ? engine : null;
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
