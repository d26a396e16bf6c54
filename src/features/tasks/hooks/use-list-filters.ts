import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { readListFilters, writeListFilters, type ListFilters } from '@/features/tasks/lib/list-filters';

/** The support list's filters, read from and written to the address so a view can be shared. */
export function useListFilters(): [ListFilters, (next: ListFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readListFilters(params), [params]);
  const setFilters = useCallback(
    // Replace, not push: refining a filter is not a page the back button should step through.
    (next: ListFilters) => setParams(writeListFilters(next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters];
}
