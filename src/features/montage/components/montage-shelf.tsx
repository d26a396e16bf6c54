import { buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { StatusBadge } from '@/components/status-badge';
import type { Montage } from '@/shared/montage-contract';
import { aspectOf } from '@/shared/frames';
import { useMontages } from '@/features/montage/api/montages';

/** The montages made here, newest first: progress while rendering, then playback and download. */
export function MontageShelf() {
  const { data } = useMontages();
  const montages = data?.montages ?? [];
  if (!montages.length) return null;
  return (
    <section aria-labelledby="montages-heading" className="flex flex-col gap-3" data-testid="montage-shelf">
      <h2 id="montages-heading" className="text-lg font-semibold">
        Montages
      </h2>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
        {montages.map((montage) => (
          <MontageCard key={montage.montage_id} montage={montage} />
        ))}
      </ul>
    </section>
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
