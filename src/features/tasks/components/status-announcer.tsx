import { useState } from 'react';
import { STATUS_LABELS, type TaskStatus } from '@/shared/status';

/**
 * Tells a screen reader when the task's status changes while the page is open — once per
 * change, not on every poll, and not for the status the page opened with.
 */
export function StatusAnnouncer({ status }: { status: TaskStatus }) {
  const [seen, setSeen] = useState(status);
  const [message, setMessage] = useState('');
  if (status !== seen) {
    // Adjusting state while rendering, React's documented way to react to a changed prop.
    setSeen(status);
    setMessage(`The task is now ${STATUS_LABELS[status].toLowerCase()}.`);
  }
  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="status-announcement">
      {message}
    </p>
  );
}
