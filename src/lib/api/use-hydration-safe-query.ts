import {
  useQuery,
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useHydrated } from '@/lib/use-hydrated';

/**
 * `useQuery` for what the prerendered page shows (src/prerender.tsx). A part of the page that
 * React takes over late (the one-video form waits for its own chunk) may find the answer already
 * in the cache, fetched meanwhile by the header; the build's HTML has none, so while React takes
 * the part over it sees the query as pending, as the build did, and the answer one render later.
 */
export function useHydrationSafeQuery<TData, TKey extends QueryKey>(
  options: UseQueryOptions<TData, DefaultError, TData, TKey>,
): UseQueryResult<TData> {
  const query = useQuery(options);
  const hydrated = useHydrated();
  if (hydrated || query.isPending) return query;
  return {
    ...query,
    data: undefined,
    error: null,
    isPending: true,
    isSuccess: false,
    isError: false,
    status: 'pending',
  } as UseQueryResult<TData>;
}
