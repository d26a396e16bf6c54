/**
 * The montage feature's pieces on the creator page, loaded on demand: the Montages button beside
 * the gallery's heading and the list it opens, and the dialog that makes one from the selection.
 */
import { lazy, Suspense } from 'react';
import type { Task } from '@/shared/contract';

const MontageShelf = lazy(async () => ({
  default: (await import('@/features/montage/components/montage-shelf')).MontageShelf,
}));
const MontagesButton = lazy(async () => ({
  default: (await import('@/features/montage/components/montage-shelf')).MontagesButton,
}));
const MontageDialog = lazy(async () => ({
  default: (await import('@/features/montage/components/montage-dialog')).MontageDialog,
}));

export function MontagesButtonSlot({ onOpen }: { onOpen: () => void }) {
  return (
    <Suspense fallback={null}>
      <MontagesButton onOpen={onOpen} />
    </Suspense>
  );
}

export function MontageShelfSlot({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <MontageShelf onClose={onClose} />
    </Suspense>
  );
}

export function MontageDialogSlot({
  tasks,
  onClose,
  onCreated,
}: {
  tasks: readonly Task[] | null;
  onClose: () => void;
  onCreated: () => void;
}) {
  if (!tasks) return null;
  return (
    <Suspense fallback={null}>
      <MontageDialog tasks={tasks} onClose={onClose} onCreated={onCreated} />
    </Suspense>
  );
}
