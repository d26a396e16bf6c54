import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { useNow } from '@/lib/use-now';
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { useTaskList } from '@/lib/api/get-tasks';
import { useWatchTasks } from '@/lib/task-polling/watch-tasks';
import { forgetReveal, isStale, scrollBelowHeader, usePendingReveal } from '@/lib/reveal-new-work';
import { useFinishNotices } from '@/features/gallery/hooks/use-finish-notices';
import { useGalleryFilters } from '@/features/gallery/hooks/use-gallery-filters';
import { useSelection } from '@/features/gallery/hooks/use-selection';
import { NO_FILTERS, isFiltered, toListQuery } from '@/features/gallery/lib/gallery-filters';
import { GalleryAnnouncer } from './gallery-announcer';
import { GalleryFiltersBar } from './gallery-filters-bar';
import { GalleryError, GalleryFirstRun, GalleryNoMatch, GallerySkeleton } from './gallery-states';
import { GalleryList, type GalleryListProps } from './gallery-list';

/* The bar appears once a card is ticked; its code loads then. */
const SelectionBar = lazy(async () => ({ default: (await import('./selection-bar')).SelectionBar }));
/* The larger player is opened by a click, so its code loads then, not with the page. */
const PlayerDialog = lazy(async () => ({ default: (await import('./player-dialog')).PlayerDialog }));

export interface GalleryProps {
  renderBatchHeader?: GalleryListProps['renderBatchHeader'];
  /** Two to four finished videos to play side by side; composed by the page. */
  onCompare?: (tasks: Task[]) => void;
  /** Finished videos to join into one montage; composed by the page. */
  onMontage?: (tasks: Task[]) => void;
  /** Beside the heading (the page's Montages button); the row keeps its height whether it is there or not. */
  headerAction?: ReactNode;
}

export function Gallery({ renderBatchHeader, onCompare, onMontage, headerAction }: GalleryProps) {
  const headingId = useId();
  const [filters, setFilters] = useGalleryFilters();
  const listQuery = useMemo(() => toListQuery(filters), [filters]);
  const list = useTaskList(listQuery);
  const tasks = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  // A task listed as final never changes again, so only the others are followed: a gallery
  // scrolled through thousands of videos then costs no more per poll than one page.
  const listedUnfinished = useMemo(() => tasks.filter((task) => !isFinalStatus(task.status)), [tasks]);
  useWatchTasks(listedUnfinished, useFinishNotices());
  const now = useNow(30_000);
  const [watching, setWatching] = useState<Task | null>(null);
  const selection = useSelection();

  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    // Infinite scroll: the next page loads as the end of the list comes into view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const clearFilters = useCallback(() => setFilters(NO_FILTERS), [setFilters]);

  // New work from a form: once its card is listed (the list refetches after a submit), show it.
  const reveal = usePendingReveal();
  useEffect(() => {
    if (!reveal) return;
    if (isStale(reveal)) return forgetReveal(reveal);
    const element = document.querySelector(reveal.selector);
    if (!element) return;
    scrollBelowHeader(element, document.querySelector('header'));
    forgetReveal(reveal);
  }, [reveal, tasks]);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex min-h-8 items-center justify-between gap-2">
        <div className="flex items-center gap-3">
          <h2 id={headingId} className="text-lg font-semibold">
            Your videos
          </h2>
          {headerAction}
        </div>
        {list.isFetching && !list.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
      </div>
      <GalleryAnnouncer tasks={listedUnfinished} />
      <GalleryFiltersBar
        filters={filters}
        onChange={setFilters}
        // Counts that stopped at the server's cap would mislead per status: none are shown then.
        counts={list.data?.pages[0]?.counts_capped ? undefined : list.data?.pages[0]?.counts}
      />
      {list.isPending ? (
        <GallerySkeleton />
      ) : list.isError ? (
        <GalleryError
          message={list.error.message}
          offline={list.error instanceof ApiError && list.error.isNetwork}
          onRetry={() => void list.refetch()}
        />
      ) : tasks.length === 0 ? (
        isFiltered(filters) ? (
          <GalleryNoMatch onClear={clearFilters} />
        ) : (
          <GalleryFirstRun />
        )
      ) : (
        <>
          <GalleryList
            tasks={tasks}
            now={now}
            onWatch={setWatching}
            selection={selection}
            renderBatchHeader={renderBatchHeader}
          />
          <div ref={sentinel} className="flex justify-center">
            {hasNextPage ? (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? (
                  <>
                    <Spinner /> Loading…
                  </>
                ) : (
                  'Load more'
                )}
              </Button>
            ) : tasks.length > 6 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">That is everything.</p>
            ) : null}
          </div>
        </>
      )}
      {selection.ids.length ? (
        <Suspense fallback={null}>
          <SelectionBar selection={selection} onCompare={onCompare} onMontage={onMontage} />
        </Suspense>
      ) : null}
      {watching ? (
        <Suspense fallback={null}>
          <PlayerDialog task={watching} onClose={() => setWatching(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}
