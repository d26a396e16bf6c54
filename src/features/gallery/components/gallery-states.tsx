import { Button } from '@/components/button';
import { Icon } from '@/components/icons';
import { useAskCreatorForm } from '@/lib/creator-form-links';

/** Placeholders the shape of cards while the first page loads. */
export function GallerySkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 2xl:grid-cols-3" aria-hidden="true" data-testid="gallery-loading">
      {Array.from({ length: 4 }, (_, i) => (
        <div
          key={i}
          className="overflow-hidden rounded-xl bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
        >
          <div className="aspect-video animate-pulse bg-slate-200 dark:bg-slate-800" />
          <div className="flex flex-col gap-2 p-3">
            <div className="h-4 w-1/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-4 w-5/6 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          </div>
        </div>
      ))}
    </div>
  );
}

const PANEL =
  'flex flex-col items-center gap-3 rounded-2xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700';

/** First run: nothing made yet, so offer the whole flow in one click. */
export function GalleryFirstRun() {
  const { trySample } = useAskCreatorForm();
  return (
    <div className={PANEL} data-testid="gallery-empty">
      <span className="flex size-12 items-center justify-center rounded-full bg-brand-100 text-brand-700 dark:bg-brand-950 dark:text-brand-200">
        <Icon name="sparkle" className="size-6" />
      </span>
      <h3 className="text-base font-semibold">No videos yet</h3>
      <p className="max-w-md text-sm text-slate-700 dark:text-slate-300">
        Add a still image to the form, describe the motion you want, and press Generate. Your videos appear here, ready
        to play and download. Want to see it work first?
      </p>
      <Button variant="primary" onClick={trySample}>
        Try it with a sample product photo
      </Button>
    </div>
  );
}

export function GalleryNoMatch({ onClear }: { onClear: () => void }) {
  return (
    <div className={PANEL} data-testid="gallery-no-match">
      <h3 className="text-base font-semibold">No videos match these filters</h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">Try another word, or show everything.</p>
      <Button onClick={onClear}>Clear filters</Button>
    </div>
  );
}

export function GalleryError({
  message,
  offline,
  onRetry,
}: {
  message: string;
  offline: boolean;
  onRetry: () => void;
}) {
  return (
    <div className={`${PANEL} border-red-300 dark:border-red-800`} role="alert" data-testid="gallery-error">
      <h3 className="text-base font-semibold">Your videos could not be loaded</h3>
      <p className="max-w-md text-sm text-slate-700 dark:text-slate-300">
        {message}
        {offline ? ' If you run the server yourself, check that it is still running (npm start).' : ''}
      </p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
