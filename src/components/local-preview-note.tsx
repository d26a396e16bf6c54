import type { Task } from '@/shared/contract';

const NOTE = 'text-xs text-slate-600 dark:text-slate-400';

/** Under a local-engine video: what the preview is, so nobody takes it for the model's work. */
export function LocalPreviewNote({ task }: { task: Pick<Task, 'engine'> }) {
  if (task.engine !== 'local') return null;
  return (
    <p className={NOTE} data-testid="preview-note">
      Preview: camera motion over your still, not the model’s animation.
    </p>
  );
}

/** In Compare: why a standard and a pro preview look almost the same. */
export function ComparePreviewNote({ tasks }: { tasks: readonly Pick<Task, 'engine'>[] }) {
  if (!tasks.some((task) => task.engine === 'local')) return null;
  return (
    <p className={NOTE} data-testid="compare-preview-note">
      Local previews show the same camera motion over your still in both modes. Pro is rendered in finer motion steps at
      a higher bitrate, so it is only a little smoother and sharper; the real models differ in the animation itself.
    </p>
  );
}
