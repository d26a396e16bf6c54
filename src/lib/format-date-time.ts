/** Absolute times for support, to the second: "10 Mar 2026, 12:00:03" in the reader's zone. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

function valid(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso: string): string {
  const date = valid(iso);
  return date ? DATE_TIME.format(date) : '';
}

export function formatTime(iso: string): string {
  const date = valid(iso);
  return date ? TIME.format(date) : '';
}
