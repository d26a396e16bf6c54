import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { formatBytes } from '@/lib/format-bytes';
import type { BatchImage, BatchImageState } from '@/features/batch/hooks/use-batch-images';

function stateText(state: BatchImageState): string {
  switch (state.kind) {
    case 'checking':
      return 'Checking…';
    case 'waiting':
      return 'Waiting to upload';
    case 'uploading':
      return `Uploading ${Math.round(state.progress * 100)}%`;
    case 'ready':
      return `Ready · ${state.width}×${state.height}`;
    case 'error':
      return state.message;
  }
}

/** Each picked photo with its own upload progress, and a way to take it out. */
export function BatchImageList({ images, onRemove }: { images: BatchImage[]; onRemove: (id: string) => void }) {
  if (!images.length) return null;
  return (
    <ul aria-label="Images in this batch" className="flex flex-col gap-2">
      {images.map((image, index) => (
        <li
          key={image.id}
          data-testid="batch-image"
          data-state={image.state.kind}
          className="flex items-center gap-3 rounded-lg bg-slate-50 p-2 ring-1 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700"
        >
          <img src={image.previewUrl} alt="" className="size-12 shrink-0 rounded-md object-cover" />
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <p className="flex items-baseline gap-2 text-sm">
              <span className="truncate font-medium" title={image.name}>
                {index + 1}. {image.name}
              </span>
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{formatBytes(image.bytes)}</span>
            </p>
            {image.state.kind === 'uploading' ? (
              <ProgressBar value={image.state.progress * 100} label={`Uploading ${image.name}`} />
            ) : null}
            <p
              className={`text-xs ${image.state.kind === 'error' ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
              role={image.state.kind === 'error' ? 'alert' : undefined}
            >
              {stateText(image.state)}
            </p>
          </div>
          <button
            type="button"
            onClick={() => onRemove(image.id)}
            aria-label={`Remove ${image.name}`}
            className="shrink-0 rounded-lg p-1.5 text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-700"
          >
            <Icon name="close" />
          </button>
        </li>
      ))}
    </ul>
  );
}
