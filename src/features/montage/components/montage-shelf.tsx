import { buttonClasses } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { StatusBadge } from '@/components/status-badge';
import type { Montage } from '@/shared/montage-contract';
import { aspectOf } from '@/shared/frames';
import { useMontages } from '@/features/montage/api/montages';

/*
 * Montages open from a button beside the gallery's heading rather than a shelf above it: the
 * list arrives after the page is drawn, and a shelf appearing then pushed the whole gallery down
 * (a layout shift on every first load of a server with montages).
 */

/** "Montages · N" beside "Your videos", once there is one. */
export function MontagesButton({ onOpen }: { onOpen: () => void }) {
  const { data } = useMontages();
  const count = data?.montages.length ?? 0;
  if (!count) return null;
  return (
    <button type="button" onClick={onOpen} className={buttonClasses('secondary', 'sm')} data-testid="montages-button">
      <Icon name="play" /> Montages · {count}
    </button>
  );
}

/** The montages made here, newest first: progress while rendering, then playback and download. */
export function MontageShelf({ onClose }: { onClose: () => void }) {
  const { data } = useMontages();
  const montages = data?.montages ?? [];
  return (
    <Dialog open onClose={onClose} title="Montages" size="max-w-4xl">
      <div className="flex flex-col gap-3" data-testid="montage-shelf">
        {montages.length ? (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
            {montages.map((montage) => (
              <MontageCard key={montage.montage_id} montage={montage} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No montages yet.</p>
        )}
      </div>
    </Dialog>
  );
}

function MontageCard({ montage }: { montage: Montage }) {
  const label = `Montage of ${montage.clip_count} ${montage.clip_count === 1 ? 'clip' : 'clips'}, ${montage.format}`;
  return (
    <li
      className="flex flex-col gap-2 rounded-xl bg-white p-2 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
      data-testid="montage-card"
      data-status={montage.status}
    >
      <div
        className="flex w-full items-center justify-center overflow-hidden rounded-lg bg-slate-100 dark:bg-slate-800"
        style={{ aspectRatio: String(aspectOf(montage.format)) }}
      >
        {montage.result ? (
          <video
            src={montage.result.video_url}
            poster={montage.result.poster_url}
            controls
            preload="metadata"
            playsInline
            aria-label={label}
            className="h-full w-full object-contain"
          />
        ) : montage.status === 'failed' ? (
          <p className="p-3 text-center text-sm text-red-700 dark:text-red-400">{montage.error?.message}</p>
        ) : (
          <div className="w-3/4">
            <ProgressBar value={montage.progress} label={`${label}: rendering`} />
          </div>
        )}
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium">{label}</p>
        <StatusBadge status={montage.status} />
      </div>
      {montage.result ? (
        <a href={montage.result.download_url} download className={buttonClasses('secondary', 'sm')}>
          <Icon name="download" /> Download MP4
        </a>
      ) : null}
    </li>
  );
}
