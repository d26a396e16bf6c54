/**
 * Other features' pieces that appear inside the gallery (a batch's header, the compare dialog),
 * loaded on demand: most galleries have no batch on screen and most visits compare nothing, so
 * neither is in the first load.
 */
import { lazy, Suspense } from 'react';
import type { Task } from '@/shared/contract';

const BatchHeader = lazy(async () => ({
  default: (await import('@/features/batch/components/batch-header')).BatchHeader,
}));
const CompareDialog = lazy(async () => ({
  default: (await import('@/features/compare/components/compare-dialog')).CompareDialog,
}));

export function renderBatchHeader(batchId: string, tasks: readonly Task[]) {
  return (
    <Suspense
      fallback={
        <p className="text-sm font-semibold">
          Batch · {tasks.length} {tasks.length === 1 ? 'video' : 'videos'}
        </p>
      }
    >
      <BatchHeader batchId={batchId} listed={tasks} />
    </Suspense>
  );
}

export function CompareSlot({ tasks, onClose }: { tasks: readonly Task[] | null; onClose: () => void }) {
  if (!tasks) return null;
  return (
    <Suspense fallback={null}>
      <CompareDialog tasks={tasks} onClose={onClose} />
    </Suspense>
  );
}
