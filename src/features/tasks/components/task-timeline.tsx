import { StatusBadge } from '@/components/status-badge';
import { useNow } from '@/lib/use-now';
import type { TaskEvent } from '@/shared/contract';
import { formatDuration } from '@/features/tasks/lib/format-duration';
import { taskPhases, totalDurationMs, type TaskPhase } from '@/features/tasks/lib/task-phases';
import { DateTime } from './date-time';

function phaseLength(phase: TaskPhase): string {
  if (phase.durationMs === null) return 'final';
  const length = formatDuration(phase.durationMs);
  return phase.ongoing ? `${length} so far` : `took ${length}`;
}

function EventDetails({ events }: { events: TaskEvent[] }) {
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer rounded text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-400 dark:hover:text-slate-100">
        {events.length} updates in this phase
      </summary>
      <ul className="mt-1 flex flex-col gap-0.5 pl-4 text-slate-700 dark:text-slate-300">
        {events.map((event, index) => (
          <li key={index}>
            <DateTime iso={event.at} timeOnly />
            {event.progress !== null ? ` · ${Math.round(event.progress)}%` : ''} · {event.source}
            {event.message ? ` · ${event.message}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

function PhaseItem({ phase }: { phase: TaskPhase }) {
  const first = phase.events[0];
  return (
    <li className="relative pb-4 pl-6 last:pb-0" data-testid="timeline-phase" data-status={phase.status}>
      <span
        aria-hidden="true"
        className="absolute top-1.5 left-0 size-3 rounded-full bg-slate-300 ring-4 ring-white dark:bg-slate-600 dark:ring-slate-900"
      />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StatusBadge status={phase.status} />
        <span className="text-sm text-slate-700 dark:text-slate-300">
          <DateTime iso={phase.startedAt} />
        </span>
        <span className="text-sm font-medium tabular-nums" data-testid="phase-duration">
          {phaseLength(phase)}
        </span>
      </div>
      {phase.events.length === 1 && first?.message ? (
        <p className="mt-1 text-sm break-words text-slate-700 dark:text-slate-300">{first.message}</p>
      ) : null}
      {phase.events.length > 1 ? <EventDetails events={phase.events} /> : null}
    </li>
  );
}

/** Every status the task went through, when, and how long each phase took. */
export function TaskTimeline({ events, final }: { events: TaskEvent[]; final: boolean }) {
  // A running phase's length ticks each second; a finished story needs no clock.
  const now = useNow(final ? 60_000 : 1000);
  const phases = taskPhases(events, now);
  const total = totalDurationMs(phases);

  if (!phases.length) return <p className="text-sm text-slate-700 dark:text-slate-300">No events recorded yet.</p>;
  return (
    <div className="flex flex-col gap-3">
      <ol className="relative before:absolute before:top-2 before:bottom-2 before:left-[5px] before:w-0.5 before:bg-slate-200 dark:before:bg-slate-700">
        {phases.map((phase, index) => (
          <PhaseItem key={`${phase.status}-${index}`} phase={phase} />
        ))}
      </ol>
      {total !== null ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="timeline-total">
          From submit to end: <span className="font-medium tabular-nums">{formatDuration(total)}</span>
        </p>
      ) : null}
    </div>
  );
}
