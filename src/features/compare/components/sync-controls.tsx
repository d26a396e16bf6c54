import { Button } from '@/components/button';
import { Icon } from '@/components/icons';

export interface SyncControlsProps {
  playing: boolean;
  time: number;
  duration: number;
  onPlay: () => void;
  onPause: () => void;
  onSeek: (seconds: number) => void;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(1).padStart(4, '0')}`;

/** The one control for every video in the comparison. */
export function SyncControls({ playing, time, duration, onPlay, onPause, onSeek }: SyncControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="sync-controls">
      <Button variant="primary" onClick={playing ? onPause : onPlay} className="w-32">
        <Icon name={playing ? 'pause' : 'play'} /> {playing ? 'Pause all' : 'Play all'}
      </Button>
      <input
        type="range"
        min={0}
        max={duration || 0}
        step={0.01}
        value={Math.min(time, duration || 0)}
        onChange={(event) => onSeek(Number(event.target.value))}
        aria-label="Position in every video"
        aria-valuetext={`${time.toFixed(1)} of ${duration.toFixed(1)} seconds`}
        className="h-8 min-w-40 flex-1 accent-brand-600"
      />
      <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {clock(time)} / {clock(duration)}
      </span>
    </div>
  );
}
