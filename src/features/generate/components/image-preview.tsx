import { Button } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { formatBytes } from '@/lib/format-bytes';
import type { ImageSourceState } from '@/features/generate/hooks/use-image-source';

type Shown = Extract<ImageSourceState, { kind: 'uploading' | 'ready' }>;

function describe(state: Shown): string {
  const parts: string[] = [];
  if (state.kind === 'ready' && state.width && state.height) parts.push(`${state.width}×${state.height}`);
  if (state.bytes !== null) parts.push(formatBytes(state.bytes));
  if (state.kind === 'ready' && state.origin === 'link') parts.push('linked');
  if (state.kind === 'ready' && state.origin === 'previous') parts.push('from an earlier video');
  return parts.join(' · ');
}

export interface ImagePreviewProps {
  state: Shown;
  onReplace: () => void;
  onRemove: () => void;
}

/** The chosen image with its size, and the upload's progress while it goes up. */
export function ImagePreview({ state, onReplace, onRemove }: ImagePreviewProps) {
  const uploading = state.kind === 'uploading';
  const percent = uploading ? Math.round(state.progress * 100) : 100;
  return (
    <div className="flex flex-col gap-3 p-3">
      <div className="relative flex aspect-video max-h-44 items-center justify-center overflow-hidden rounded-lg bg-slate-100 dark:bg-slate-800">
        <img
          src={state.previewUrl}
          alt={`Reference image: ${state.name}`}
          className={`max-h-full max-w-full object-contain transition-opacity ${uploading ? 'opacity-60' : ''}`}
        />
      </div>
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" title={state.name}>
            {state.name}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="image-details">
            {uploading ? `Uploading… ${percent}% of ${formatBytes(state.bytes)}` : describe(state)}
          </p>
        </div>
        <Button size="sm" variant="secondary" onClick={onReplace}>
          Replace
        </Button>
        <Button size="sm" variant="ghost" onClick={onRemove}>
          {uploading ? 'Cancel' : 'Remove'}
        </Button>
      </div>
      {uploading ? <ProgressBar value={percent} label={`Uploading ${state.name}`} /> : null}
    </div>
  );
}
