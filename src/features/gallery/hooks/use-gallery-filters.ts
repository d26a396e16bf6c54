import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { parseFilters, writeFilters, type GalleryFilters } from '@/features/gallery/lib/gallery-filters';

/** The filters live in the address, so a reload or a shared link shows the same view. */
export function useGalleryFilters(): [GalleryFilters, (next: GalleryFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = useCallback(
    (next: GalleryFilters) => setParams((current) => writeFilters(current, next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters];
}
