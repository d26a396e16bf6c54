import { useEffect, useRef } from 'react';
import { buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { useTaskSnapshots } from '@/lib/task-polling/use-task-snapshot';
import { formatCredits } from '@/lib/format-credits';
import { zipDownloadUrl } from '@/lib/zip-download-url';
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import type { Batch } from '@/shared/batch-contract';
import { useBatch } from '@/features/batch/api/get-batch';
import { useRetryFailed } from '@/features/batch/api/retry-failed';

export interface BatchHeaderProps {
  batchId: string;
  /** The batch's cards in the gallery, to draw something before the batch's own answer arrives. */
  listed: readonly Task[];
}

function spendLine(batch: Pick<Batch, 'done' | 'charged_credits' | 'total_price_credits'>): string {
  if (batch.done) return `${formatCredits(batch.charged_credits)} spent`;
  return `${batch.charged_credits} of up to ${formatCredits(batch.total_price_credits)} spent so far`;
}

/** How many of the batch's cards have ended, read from each task's own (freshest) cache entry. */
function useEndedCount(listed: readonly Task[]): number {
  return useTaskSnapshots(listed, (fresh) => fresh.filter((task) => isFinalStatus(task.status)).length);
}

/** Above a batch's cards in the gallery: how far along it is, what it cost, and all of it as one ZIP. */
export function BatchHeader({ batchId, listed }: BatchHeaderProps) {
  const { data: batch, refetch } = useBatch(batchId);
  const retry = useRetryFailed(batchId);
  const ended = useEndedCount(listed);
  // A card just ended: the batch's counts and spend changed, ask now rather than at the next poll.
  const seen = useRef(ended);
  useEffect(() => {
    if (ended > seen.current) void refetch();
    seen.current = ended;
  }, [ended, refetch]);
  const count = batch?.task_count ?? listed.length;
  const ready = batch?.counts.succeeded ?? listed.filter((t) => t.status === 'succeeded').length;
  const running = batch ? batch.counts.queued + batch.counts.running : 0;
  const failed = batch ? batch.counts.failed + batch.counts.canceled : 0;
  // Canceled videos were stopped on purpose: only the failed ones are offered again.
  const retryable = batch?.counts.failed ?? 0;
  const parts = [
    `${ready} of ${count} ready`,
    running ? `${running} generating` : null,
    failed ? `${failed} failed (not charged)` : null,
    batch ? spendLine(batch) : null,
  ].filter(Boolean);

  return (
    <div className="flex flex-col gap-2" data-testid="batch-header" data-batch-id={batchId}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h3 className="text-sm font-semibold">
          Batch · {count} {count === 1 ? 'video' : 'videos'}
        </h3>
        <p className="min-w-0 flex-1 truncate text-xs text-slate-600 dark:text-slate-400" title={listed[0]?.prompt}>
          {listed[0]?.prompt}
        </p>
        {retryable > 0 ? (
          <button
            type="button"
            onClick={() => retry.mutate()}
            disabled={retry.isPending}
            className={buttonClasses('secondary', 'sm')}
            title="Make the failed videos again with the same settings and photos"
            data-testid="retry-failed"
          >
            <Icon name="rerun" /> Retry failed ({retryable})
          </button>
        ) : null}
        {ready > 0 ? (
          <a href={zipDownloadUrl({ batchId })} download className={buttonClasses('secondary', 'sm')}>
            <Icon name="download" /> Download all (ZIP)
          </a>
        ) : (
          <button type="button" disabled className={buttonClasses('secondary', 'sm', 'opacity-60')}>
            <Icon name="download" /> Download all (ZIP)
          </button>
        )}
      </div>
      <ProgressBar value={batch?.progress ?? null} label={`Batch progress: ${ready} of ${count} ready`} />
      <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="batch-summary">
        {parts.join(' · ')}
      </p>
    </div>
  );
}
