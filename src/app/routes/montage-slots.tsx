/**
 * The montage feature's pieces on the creator page, loaded on demand: the shelf of montages
 * above the gallery, and the dialog that makes one from the gallery's selection.
 */
import { lazy, Suspense } from 'react';
import type { Task } from '@/shared/contract';

const MontageShelf = lazy(async () => ({
  default: (await import('@/features/montage/components/montage-shelf')).MontageShelf,
}));
const MontageDialog = lazy(async () => ({
  default: (await import('@/features/montage/components/montage-dialog')).MontageDialog,
}));

export function MontageShelfSlot() {
  return (
    <Suspense fallback={null}>
      <MontageShelf />
    </Suspense>
  );
}

export function MontageDialogSlot({ tasks, onClose }: { tasks: readonly Task[] | null; onClose: () => void }) {
  if (!tasks) return null;
  return (
    <Suspense fallback={null}>
      <MontageDialog tasks={tasks} onClose={onClose} />
    </Suspense>
  );
}
