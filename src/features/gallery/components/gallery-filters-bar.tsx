import { useCallback, useId } from 'react';
import { SearchInput } from '@/components/search-input';
import { ModeSelect } from '@/components/mode-select';
import { useDebouncedSearch } from '@/lib/use-debounced-search';
import type { TaskStatus } from '@/shared/status';
import {
  STATUS_FILTERS,
  STATUS_FILTER_LABELS,
  type GalleryFilters,
  type StatusFilter,
} from '@/features/gallery/lib/gallery-filters';

export interface GalleryFiltersBarProps {
  filters: GalleryFilters;
  onChange: (filters: GalleryFilters) => void;
  counts: Partial<Record<TaskStatus, number>> | undefined;
}

function countOf(filter: StatusFilter, counts: GalleryFiltersBarProps['counts']): number | undefined {
  if (!counts) return undefined;
  if (filter === 'all') return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (filter === 'active') return (counts.queued ?? 0) + (counts.running ?? 0);
  return counts[filter] ?? 0;
}

const CONTROL =
  'h-9 rounded-lg border border-slate-300 bg-white px-3 text-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900';

export function GalleryFiltersBar({ filters, onChange, counts }: GalleryFiltersBarProps) {
  const searchId = useId();
  const modeId = useId();
  const search = useCallback((q: string) => onChange({ ...filters, q }), [filters, onChange]);
  const [text, setText] = useDebouncedSearch(filters.q, search);

  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Show videos by status" className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
        {STATUS_FILTERS.map((status) => {
          const selected = filters.status === status;
          const count = countOf(status, counts);
          return (
            <button
              key={status}
              type="button"
              aria-pressed={selected}
              onClick={() => onChange({ ...filters, status })}
              className={`inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
                selected
                  ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                  : 'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800'
              }`}
            >
              {STATUS_FILTER_LABELS[status]}
              {count !== undefined ? <span className="text-xs tabular-nums opacity-75">{count}</span> : null}
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={searchId} className="sr-only">
          Search prompts
        </label>
        <SearchInput
          id={searchId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search prompts"
          maxLength={500}
          wrapperClassName="min-w-0 flex-1 basis-48"
          className="pr-3"
        />
        <label htmlFor={modeId} className="sr-only">
          Mode
        </label>
        <ModeSelect
          id={modeId}
          value={filters.mode === 'all' ? null : filters.mode}
          onChange={(mode) => onChange({ ...filters, mode: mode ?? 'all' })}
          className={CONTROL}
        />
      </div>
    </div>
  );
}
