import { formatDateTime, formatTime } from '@/lib/format-date-time';

/** A machine-readable <time> written for people; `timeOnly` where the date is already clear. */
export function DateTime({ iso, timeOnly = false }: { iso: string; timeOnly?: boolean }) {
  return (
    <time dateTime={iso} title={iso} className="tabular-nums">
      {timeOnly ? formatTime(iso) : formatDateTime(iso)}
    </time>
  );
}
